import type { AnalysisRequest, OverlayUpdate } from './protocol';

/**
 * An overlay as it crosses to the worker. The buffer of the document an `analyzeDocument` request analyses is, while
 * typing, the very text the request carries: it names that text instead of carrying a second copy (about 0.7 MB to
 * copy at 20,000 lines, on every keystroke).
 */
export type SentOverlay = OverlayUpdate | { readonly file: string; readonly textOfRequest: true };

function requestText(request: AnalysisRequest, file: string): string | undefined {
  return request.kind === 'analyzeDocument' && request.file === file ? request.text : undefined;
}

/** The overlays to send with `request`: a buffer equal to the request's own text becomes a reference to it. */
export function packOverlays(overlays: readonly OverlayUpdate[], request: AnalysisRequest): SentOverlay[] {
  return overlays.map((overlay) => (overlay.text !== undefined && overlay.text === requestText(request, overlay.file) ? { file: overlay.file, textOfRequest: true } : overlay));
}

/** The overlays as the editor took them, on the worker's side of `packOverlays`. */
export function unpackOverlays(overlays: readonly SentOverlay[], request: AnalysisRequest): OverlayUpdate[] {
  return overlays.map((overlay) => ('textOfRequest' in overlay ? { file: overlay.file, text: requestText(request, overlay.file) } : overlay));
}

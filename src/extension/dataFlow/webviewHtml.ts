/** Text for HTML element content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}

export interface WebviewPage {
  /** `webview.cspSource`: the origin of `asWebviewUri` resources. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
}

/**
 * The Data-Flow Map's page: a strict CSP (no remote resources, scripts only with the nonce, styles only from
 * media/dist), and no data in the markup: the script receives the flows by message and draws them as text nodes.
 */
export function dataFlowMapHtml(page: WebviewPage): string {
  const csp = [
    "default-src 'none'",
    `img-src ${page.cspSource} data:`,
    `style-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Data-Flow Map controls">
  <label>PHI category <select id="category-filter"><option value="">All</option></select></label>
  <label>Vendor <select id="vendor-filter"><option value="">All</option></select></label>
  <label><input type="checkbox" id="show-no-phi"> AI calls without PHI</label>
  <span class="spacer"></span>
  <button id="zoom-out" title="Zoom out" aria-label="Zoom out">−</button>
  <button id="zoom-fit" title="Fit to window" aria-label="Fit to window">Fit</button>
  <button id="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>
</header>
<div class="status"><p id="summary" class="summary" aria-live="polite">Waiting for the workspace scan…</p>
  <ul class="legend" aria-label="Legend"><li class="open">open flow</li><li class="suppressed">suppressed (reviewed)</li><li class="no-phi">AI call without PHI</li></ul></div>
<main id="canvas" class="canvas"><svg id="graph" role="img" aria-label="PHI data-flow graph"></svg></main>
<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>`;
}

/** A CSP nonce: 32 characters from a cryptographic source. */
export function createNonce(randomBytes: (size: number) => Uint8Array): string {
  return Array.from(randomBytes(24), (byte) => byte.toString(16).padStart(2, '0')).join('').slice(0, 32);
}

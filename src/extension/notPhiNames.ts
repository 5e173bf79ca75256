/**
 * The "mark as not PHI" quick fix edits `.phi-guard.json`: adds a name to `notPhiNames`, keeps every other key
 * (and their order), and keeps the file's indentation. The file is JSON only (never executed).
 */
export type ConfigEditResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | { readonly ok: false; readonly message: string };

export function addNotPhiName(existingText: string | undefined, name: string, fileLabel: string): ConfigEditResult {
  if (existingText === undefined || existingText.trim() === '') {
    return { ok: true, changed: true, text: `${JSON.stringify({ notPhiNames: [name] }, null, 2)}\n` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(existingText);
  } catch (error) {
    return { ok: false, message: `${fileLabel}${jsonErrorLocation(existingText, error)}: not valid JSON (${(error as Error).message}). Fix the file, then try again.` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: `${fileLabel}:1: expected a JSON object; fix the file, then try again.` };
  }
  const config = parsed as Record<string, unknown>;
  const current = config.notPhiNames ?? [];
  if (!Array.isArray(current) || !current.every((entry) => typeof entry === 'string')) {
    return { ok: false, message: `${fileLabel}: "notPhiNames" must be an array of strings; fix it, then try again.` };
  }
  if (current.some((entry: string) => entry.toLowerCase() === name.toLowerCase())) {
    return { ok: true, changed: false, text: existingText };
  }
  config.notPhiNames = [...current, name];
  const text = JSON.stringify(config, null, detectIndent(existingText));
  return { ok: true, changed: true, text: existingText.endsWith('\n') ? `${text}\n` : text };
}

function detectIndent(text: string): string | number {
  return /^([ \t]+)\S/m.exec(text)?.[1] ?? 2;
}

/** `:<line>` from the error's "position N" (Node 20) or "line N" (Node 22+), else nothing. */
function jsonErrorLocation(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/.exec(message)?.[1];
  if (line) return `:${line}`;
  const position = /position (\d+)/.exec(message)?.[1];
  if (position) return `:${text.slice(0, Number(position)).split('\n').length}`;
  return '';
}

/**
 * The "mark as not PHI" quick fix edits `.phi-guard.json`: it adds a name to `notPhiNames` with a minimal text
 * edit (jsonc-parser, the library VS Code uses for its own JSON settings), so every other key, the order and the
 * formatting stay as the team wrote them. The file is JSON only (never executed).
 */
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';

export type ConfigEditResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | { readonly ok: false; readonly message: string };

export function addNotPhiName(existingText: string | undefined, name: string, fileLabel: string): ConfigEditResult {
  if (existingText === undefined || existingText.trim() === '') {
    return { ok: true, changed: true, text: `${JSON.stringify({ notPhiNames: [name] }, null, 2)}\n` };
  }
  const errors: ParseError[] = [];
  const parsed: unknown = parse(existingText, errors, { disallowComments: true, allowTrailingComma: false });
  const firstError = errors[0];
  if (firstError) {
    const line = existingText.slice(0, firstError.offset).split('\n').length;
    return { ok: false, message: `${fileLabel}:${line}: not valid JSON (${printParseErrorCode(firstError.error)}). Fix the file, then try again.` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: `${fileLabel}:1: expected a JSON object; fix the file, then try again.` };
  }
  const current = (parsed as Record<string, unknown>).notPhiNames;
  if (current !== undefined && (!Array.isArray(current) || !current.every((entry) => typeof entry === 'string'))) {
    return { ok: false, message: `${fileLabel}: "notPhiNames" must be an array of strings; fix it, then try again.` };
  }
  const names = (current ?? []) as string[];
  if (names.some((entry) => entry.toLowerCase() === name.toLowerCase())) return { ok: true, changed: false, text: existingText };
  const indent = /^([ \t]+)\S/m.exec(existingText)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: existingText.includes('\r\n') ? '\r\n' : '\n' };
  const edits = current === undefined
    ? modify(existingText, ['notPhiNames'], [name], { formattingOptions })
    : modify(existingText, ['notPhiNames', names.length], name, { formattingOptions, isArrayInsertion: true });
  return { ok: true, changed: true, text: applyEdits(existingText, edits) };
}

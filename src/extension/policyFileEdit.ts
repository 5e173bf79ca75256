/**
 * Quick fixes that change the project's policy edit `.phi-guard.json` with minimal text edits (jsonc-parser, the
 * library VS Code uses for its own JSON settings): every other key, comments, the order and the formatting stay as the
 * team wrote them. The file is JSON only (never executed).
 */
import { applyEdits, modify, parse, printParseErrorCode, type JSONPath, type ParseError } from 'jsonc-parser/lib/esm/main.js';

export type ConfigEditResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | { readonly ok: false; readonly message: string };

/** What an edit asks of the policy it reads: a value set at `path` (or inserted into the array there), nothing, or a
 * problem with the file as it is. */
export type PolicyChange =
  | { readonly path: JSONPath; readonly value: unknown; readonly insertIntoArray?: true }
  | { readonly unchanged: true }
  | { readonly problem: string };

/**
 * `existingText` changed as `change` asks of the policy it holds; `fresh` is the whole file when there is none. A file
 * that is not valid JSON with comments, or not an object, is left alone with a message naming the file and line.
 */
export function editPolicyFile(existingText: string | undefined, fileLabel: string, fresh: object, change: (policy: Readonly<Record<string, unknown>>) => PolicyChange): ConfigEditResult {
  if (existingText === undefined || existingText.trim() === '') return { ok: true, changed: true, text: `${JSON.stringify(fresh, null, 2)}\n` };
  // Read as the engine reads the file (comments and trailing commas allowed, as in tsconfig.json).
  const errors: ParseError[] = [];
  const parsed: unknown = parse(existingText, errors, { allowTrailingComma: true });
  const firstError = errors[0];
  if (firstError) {
    const line = existingText.slice(0, firstError.offset).split('\n').length;
    return { ok: false, message: `${fileLabel}:${line}: not valid JSON (${printParseErrorCode(firstError.error)}). Fix the file, then try again.` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: `${fileLabel}:1: expected a JSON object; fix the file, then try again.` };
  }
  const wanted = change(parsed as Record<string, unknown>);
  if ('problem' in wanted) return { ok: false, message: `${fileLabel}: ${wanted.problem}; fix it, then try again.` };
  if ('unchanged' in wanted) return { ok: true, changed: false, text: existingText };
  const indent = /^([ \t]+)\S/m.exec(existingText)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: existingText.includes('\r\n') ? '\r\n' : '\n' };
  const edits = modify(existingText, wanted.path, wanted.value, { formattingOptions, isArrayInsertion: wanted.insertIntoArray === true });
  return { ok: true, changed: true, text: applyEdits(existingText, edits) };
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

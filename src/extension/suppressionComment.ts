/**
 * The "suppress with a justification" quick fix: a `// phi-guard-allow <rule> -- <reason>` line inserted above the
 * flagged line, indented like it. Pure text arithmetic on UTF-16 offsets, like the engine.
 */
import type { RuleId, TextEdit } from '../core/findings/finding';

export const SUPPRESSION_MARKER = 'phi-guard-allow';

/** Input-box validation: a message for an unusable reason, `undefined` when it is fine. */
export function validateReason(reason: string): string | undefined {
  const cleaned = cleanReason(reason);
  if (cleaned.length === 0) return 'Say why this value may reach this sink (for example: "BAA signed with vendor, ticket SEC-42").';
  if (cleaned.includes('*/')) return 'The reason cannot contain "*/".';
  return undefined;
}

/** One line, single spaces: a comment cannot span lines. */
export function cleanReason(reason: string): string {
  return reason.replace(/\s+/g, ' ').trim();
}

export function suppressionCommentEdit(text: string, offset: number, rule: RuleId, reason: string): TextEdit {
  // lastIndexOf with a negative start still looks at index 0, so the first line needs its own case.
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    range: { start: lineStart, end: lineStart },
    newText: `${indent}// ${SUPPRESSION_MARKER} ${rule} -- ${cleanReason(reason)}${eol}`,
  };
}

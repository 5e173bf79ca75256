/**
 * Masks literal values that may be PHI before they appear in a message, a hover, a report or a log:
 * digits in string literals become `•` (an SSN `123-45-6789` → `•••-••-••••`), the local part of an
 * email address is starred. Code identifiers are kept: they are what the developer needs to see.
 */
export function maskLiterals(code: string): string {
  return code.replace(/(["'`])((?:\\.|(?!\1)[^\\])*)\1/g, (_m, quote: string, body: string) => `${quote}${maskValue(body)}${quote}`);
}

export function maskValue(value: string): string {
  return value
    .replace(/[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g, '***@$1')
    .replace(/\d/g, '•');
}

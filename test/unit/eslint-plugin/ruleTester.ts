import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';

/** RuleTester over TypeScript (typescript-eslint's parser); `jsRuleTester` uses ESLint's default parser. */
export const tsRuleTester = new RuleTester({ languageOptions: { parser: tseslint.parser as never, ecmaVersion: 'latest', sourceType: 'module' } });
export const jsRuleTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

/**
 * The expected suggestion output: `expression` (its first occurrence at or after `from`) wrapped in
 * `deidentify(...)` and the import added after the last import (or first, or as a require() in CommonJS).
 */
export function withDeidentify(code: string, expression: string, from = 0, category?: string): string {
  const at = code.indexOf(expression, from);
  if (at < 0) throw new Error(`'${expression}' not in test code`);
  const hint = category ? `, { category: '${category}' }` : '';
  const wrapped = `${code.slice(0, at)}deidentify(${expression}${hint})${code.slice(at + expression.length)}`;
  const importLines = [...wrapped.matchAll(/^import [^\n]*;$/gm)];
  const requireLines = [...wrapped.matchAll(/^const [^\n]*require\([^\n]*;$/gm)];
  if (importLines.length) {
    const last = importLines[importLines.length - 1]!;
    const end = last.index! + last[0].length;
    return `${wrapped.slice(0, end)}\nimport { deidentify } from 'phi-guard/deid';${wrapped.slice(end)}`;
  }
  if (requireLines.length) {
    const last = requireLines[requireLines.length - 1]!;
    const end = last.index! + last[0].length;
    return `${wrapped.slice(0, end)}\nconst { deidentify } = require('phi-guard/deid');${wrapped.slice(end)}`;
  }
  return `import { deidentify } from 'phi-guard/deid';\n${wrapped}`;
}

/** `category`: the hint the fix passes for a lone value (`deidentify(patient.ssn, { category: 'ssn' })`). */
export function suggestion(code: string, expression: string, from = 0, category?: string) {
  return [{ messageId: 'deidentify', output: withDeidentify(code, expression, from, category) }];
}

// The main job on the bundled sample workspace: ESLint with PHI Guard's recommended preset over samples/clinic-app.
// Prints ESLint's own report, then a summary. Exits 0 when the sample shows its planted findings (it is meant to).
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'samples', 'eslint.config.mjs') });
const results = await eslint.lintFiles(['samples/clinic-app']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const byRule = new Map();
for (const message of results.flatMap((r) => r.messages)) byRule.set(message.ruleId ?? 'parse error', (byRule.get(message.ruleId ?? 'parse error') ?? 0) + 1);
console.log(`PHI Guard sample: ${results.length} files linted; ${[...byRule].map(([rule, n]) => `${n} × ${rule}`).join(', ') || 'no findings'}.`);
if (byRule.size === 0 || byRule.has('parse error')) {
  console.error('The sample workspace is meant to show findings; none (or a parse error) means the build is broken.');
  process.exit(1);
}

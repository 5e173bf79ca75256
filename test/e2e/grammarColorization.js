// Colorization test of syntaxes/phi-guard-comments.tmLanguage.json against VS Code's real JavaScript/TypeScript
// grammars, tokenized by the same vscode-textmate + vscode-oniguruma that VS Code uses. All three come with
// code-server in .e2e-tools (no extra dependencies for the project). Usage: node grammarColorization.js <TOOLS>
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tools = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', '.e2e-tools'));
const vscodeDir = path.join(tools, 'cs', 'node_modules', 'code-server', 'lib', 'vscode');
const textmate = require(path.join(vscodeDir, 'node_modules', 'vscode-textmate'));
const oniguruma = require(path.join(vscodeDir, 'node_modules', 'vscode-oniguruma'));
const repo = path.join(__dirname, '..', '..');

/** scopeName → { file, injectTo } from the grammar contributions of VS Code's JS/TS extensions and ours. */
function grammarContributions() {
  const byScope = new Map();
  const extensionDirs = [path.join(vscodeDir, 'extensions', 'typescript-basics'), path.join(vscodeDir, 'extensions', 'javascript'), repo];
  for (const dir of extensionDirs) {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const grammar of manifest.contributes.grammars || []) {
      byScope.set(grammar.scopeName, { file: path.join(dir, grammar.path), injectTo: grammar.injectTo || [] });
    }
  }
  return byScope;
}

async function loadRegistry() {
  const wasm = fs.readFileSync(path.join(vscodeDir, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const contributions = grammarContributions();
  return new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: async (scopeName) => {
      const contribution = contributions.get(scopeName);
      if (!contribution || contribution.file.endsWith('.tmLanguage')) return null;
      return textmate.parseRawGrammar(fs.readFileSync(contribution.file, 'utf8'), contribution.file);
    },
    getInjections: (scopeName) => [...contributions].filter(([, c]) => c.injectTo.includes(scopeName)).map(([scope]) => scope),
  });
}

/** [{ text, scopes }] for every token of `source`. */
function tokenize(grammar, source) {
  const tokens = [];
  let state = textmate.INITIAL;
  for (const line of source.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    state = result.ruleStack;
  }
  return tokens;
}

const SAMPLE = [
  '/** Patient record. @phi */',
  'let note = "phi-guard-allow no-phi-in-logs -- not a comment";',
  '  // phi-guard-allow no-phi-in-logs -- reviewed by security (SEC-42)',
  '/* phi-guard-allow no-phi-to-ai -- BAA signed */ send(note);',
  '// @phi',
  '// @phiX and email@phi.example are not tags',
].join('\n');

(async () => {
  const registry = await loadRegistry();
  let failures = 0;
  for (const scopeName of ['source.ts', 'source.tsx', 'source.js', 'source.js.jsx']) {
    const grammar = await registry.loadGrammar(scopeName);
    assert.ok(grammar, `grammar ${scopeName}`);
    const tokens = tokenize(grammar, SAMPLE);
    const scopesOf = (text) => tokens.filter((token) => token.text.trim() === text).map((token) => token.scopes.join(' '));
    const checks = {
      '@phi in a JSDoc comment is a tag': () => assert.ok(scopesOf('@phi').filter((s) => s.includes('comment') && s.includes('phi-tag.phi-guard')).length === 2, scopesOf('@phi').join('\n')),
      'phi-guard-allow in comments is a directive': () => assert.strictEqual(scopesOf('phi-guard-allow').filter((s) => s.includes('comment') && s.includes('directive.suppression.phi-guard')).length, 2),
      'phi-guard-allow inside a string is not': () => assert.ok(!tokens.some((t) => t.scopes.some((s) => s.startsWith('string.quoted')) && t.scopes.join(' ').includes('phi-guard'))),
      'the rule id is highlighted': () => assert.ok(scopesOf('no-phi-to-ai').some((s) => s.includes('constant.other.rule.phi-guard'))),
      'the reason is highlighted': () => assert.ok(scopesOf('reviewed by security (SEC-42)').some((s) => s.includes('string.unquoted.reason.phi-guard'))),
      'the reason stops before */': () => {
        assert.ok(scopesOf('BAA signed').some((s) => s.includes('string.unquoted.reason.phi-guard')), scopesOf('BAA signed').join('\n'));
        assert.ok(scopesOf('send').some((s) => !s.includes('comment')), 'code after the block comment is code');
      },
      '@phiX and email@phi are not tags': () => assert.ok(!tokens.some((t) => /@phiX|email@phi/.test(t.text) && t.scopes.join(' ').includes('phi-tag'))),
    };
    for (const [name, check] of Object.entries(checks)) {
      try {
        check();
        console.log(`  PASS ${scopeName}: ${name}`);
      } catch (error) {
        failures++;
        console.log(`  FAIL ${scopeName}: ${name}\n    ${error.message.split('\n').join('\n    ')}`);
      }
    }
  }
  console.log(failures === 0 ? 'grammar colorization: ALL PASS' : `grammar colorization: ${failures} FAILED`);
  process.exit(failures === 0 ? 0 : 1);
})().catch((error) => {
  console.error('grammar colorization driver failed:', error);
  process.exit(2);
});

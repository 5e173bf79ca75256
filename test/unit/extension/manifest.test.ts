import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SUPPORTED_LANGUAGES } from '../../../src/extension/analysisFileName';
import { COMMANDS } from '../../../src/extension/commandIds';

const repo = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const grammarContribution = manifest.contributes.grammars[0];
const grammar = JSON.parse(fs.readFileSync(path.join(repo, grammarContribution.path), 'utf8'));

describe('extension manifest', () => {
  it('points at the bundle and activates lazily on every JS/TS language', () => {
    assert.strictEqual(manifest.main, './dist/extension.js');
    assert.deepStrictEqual([...manifest.activationEvents].sort(), SUPPORTED_LANGUAGES.map((language) => `onLanguage:${language}`).sort());
  });

  it('declares limited support for untrusted workspaces, with a reason: their settings cannot switch the checks off', () => {
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['phiGuard.enable', 'phiGuard.severity']);
    for (const setting of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations) assert.ok(manifest.contributes.configuration.properties[setting], setting);
    assert.ok(manifest.capabilities.untrustedWorkspaces.description.length > 20);
  });

  it('contributes every command the code uses', () => {
    const declared = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
    assert.deepStrictEqual(declared, Object.values(COMMANDS).sort());
  });

  it('validates .phi-guard.json with the generated schema', () => {
    assert.deepStrictEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.phi-guard.json', url: './schemas/phi-guard.schema.json' }]);
  });

  it('packages an icon that exists', () => {
    assert.ok(fs.statSync(path.join(repo, manifest.icon)).size > 0);
  });

  it('keeps the VSIX an allowlist', () => {
    const lines = fs.readFileSync(path.join(repo, '.vscodeignore'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
    assert.strictEqual(lines[0], '**');
    assert.ok(lines.slice(1).every((line) => line.startsWith('!')), 'after ** only re-includes');
    assert.ok(lines.includes('!dist/extension.js') && lines.includes('!syntaxes/**'));
    // The analysis worker thread's bundle ships next to the extension's (startAnalysisClient loads it from there).
    assert.ok(lines.includes('!dist/analysisWorker.js'), 'the analysis worker bundle is packaged');
    assert.match(fs.readFileSync(path.join(repo, 'src/extension/packaging/packageVsix.js'), 'utf8'), /ALLOWLIST = \[[^\]]*'dist\/analysisWorker\.js'/);
    // So does the engine both load (loadEngine.ts requires it from there).
    assert.ok(lines.includes('!dist/engineParts.js'), 'the engine bundle is packaged');
    assert.match(fs.readFileSync(path.join(repo, 'src/extension/packaging/packageVsix.js'), 'utf8'), /ALLOWLIST = \[[^\]]*'dist\/engineParts\.js'/);
  });
});

describe('comment grammar (structure; colorization runs in the e2e suite)', () => {
  it('is an injection into JS/TS comments under the scope package.json names', () => {
    assert.strictEqual(grammar.scopeName, grammarContribution.scopeName);
    assert.deepStrictEqual([...grammarContribution.injectTo].sort(), ['source.js', 'source.js.jsx', 'source.ts', 'source.tsx']);
    assert.match(grammar.injectionSelector, /comment\.line\.double-slash/);
    assert.match(grammar.injectionSelector, /comment\.block/);
  });

  it('matches suppressions and @phi tags (its patterns are also valid JavaScript regular expressions)', () => {
    const suppression = new RegExp(grammar.repository.suppression.match);
    const match = suppression.exec(' phi-guard-allow no-phi-to-ai -- BAA signed */ x');
    assert.deepStrictEqual(match?.slice(1), ['phi-guard-allow', 'no-phi-to-ai', '--', 'BAA signed ']);
    const tag = new RegExp(grammar.repository['phi-tag'].match, 'g');
    assert.deepStrictEqual(' @phi x @phiX me@phi @phi-like'.match(tag), ['@phi']);
  });
});

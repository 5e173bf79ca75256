import * as assert from 'assert';
import { GitignoreRules } from '../../../../src/extension/dataFlow/gitignoreRules';
import { excludeArgument, isScanCandidate, scanExcludeGlobs } from '../../../../src/extension/dataFlow/scanSelection';

describe('workspace scan selection', () => {
  it('always leaves out node_modules and .git, and adds files.exclude entries that are on', () => {
    const globs = scanExcludeGlobs({ '**/build': true, '**/*.gen.ts': true, '**/off': false, '**/*.js': { when: '$(basename).ts' } });
    assert.ok(isScanCandidate('src/a.ts', globs));
    assert.ok(isScanCandidate('src/.hidden/b.mjs', globs));
    for (const path of ['node_modules/x/index.js', 'packages/a/node_modules/y.ts', '.git/hooks/x.js', 'build/out.js', 'src/build/x.js', 'src/x.gen.ts']) assert.ok(!isScanCandidate(path, globs), path);
    assert.ok(isScanCandidate('off/a.ts', globs));
    assert.ok(isScanCandidate('src/a.js', globs), 'a `when` entry is left to the policy globs');
  });

  it('reads only JS/TS files and joins globs for findFiles', () => {
    assert.ok(!isScanCandidate('README.md', []));
    assert.ok(isScanCandidate('a.cts', []) && isScanCandidate('b.TSX', []));
    assert.strictEqual(excludeArgument(['a']), 'a');
    assert.strictEqual(excludeArgument(['a', 'b']), '{a,b}');
  });

  it('applies each .gitignore below its own folder', () => {
    const rules = new GitignoreRules();
    rules.add('', 'generated/\n*.tmp.js\n');
    rules.add('packages/web', 'public/\n!keep.tmp.js\n');
    assert.ok(rules.ignores('generated/a.ts'));
    assert.ok(rules.ignores('src/x.tmp.js'));
    assert.ok(rules.ignores('packages/web/public/app.js'));
    assert.ok(!rules.ignores('public/app.js'), 'the nested .gitignore does not apply above its folder');
    assert.ok(!rules.ignores('src/app.ts'));
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import plugin from '../../../src/eslint-plugin';
import { RULE_IDS } from '../../../src/core';
import { DOCS_BASE_URL } from '../../../src/eslint-plugin/createRule';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('plugin meta', () => {
  it('exports exactly the four rules', () => {
    assert.deepEqual(Object.keys(plugin.rules ?? {}).sort(), [...RULE_IDS].sort());
  });

  for (const id of RULE_IDS) {
    describe(id, () => {
      const rule = plugin.rules![id]!;
      it('has a doc file in the repo that meta.docs.url points to', () => {
        const doc = path.join(ROOT, 'docs', 'rules', `${id}.md`);
        assert.ok(fs.existsSync(doc), `${doc} is missing`);
        assert.equal(rule.meta?.docs?.url, `${DOCS_BASE_URL}${id}.md`);
        assert.match(fs.readFileSync(doc, 'utf8'), new RegExp(`^# phi-guard/${id}\\n`));
      });
      it('has a description, suggestions and a test file', () => {
        assert.ok(rule.meta?.docs?.description);
        assert.equal(rule.meta?.hasSuggestions, true);
        assert.ok(fs.existsSync(path.join(__dirname, `${id}.test.ts`)));
      });
      it('is in both presets and in the README rule table', () => {
        assert.ok(plugin.configs.recommended.rules?.[`phi-guard/${id}`]);
        assert.equal(plugin.configs.strict.rules?.[`phi-guard/${id}`], 'error');
        assert.match(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), new RegExp(`\\[\`phi-guard/${id}\`\\]\\(docs/rules/${id}\\.md\\)`));
      });
    });
  }

  it('presets register the plugin under its own name', () => {
    assert.equal(plugin.configs.recommended.plugins?.['phi-guard'], plugin);
  });

  it('the package exports the built plugin', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.name, 'phi-guard');
    assert.equal(pkg.exports['./eslint-plugin'].default, './dist/eslint-plugin.js');
  });
});

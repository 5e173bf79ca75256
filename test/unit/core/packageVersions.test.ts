import * as assert from 'assert';
import { packageVersions } from '../../../src/core/inventory/packageVersions';

describe('packageVersions (inventory versions from package.json / package-lock.json)', () => {
  const manifest = JSON.stringify({ dependencies: { openai: '^4.20.0', '@anthropic-ai/sdk': '~0.30.0' }, devDependencies: { pino: '9.0.0' } });

  it('prefers the exact versions of a v2/v3 lockfile, top-level installs only', () => {
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/openai': { version: '4.52.7' }, 'node_modules/@anthropic-ai/sdk': { version: '0.30.1' }, 'node_modules/x/node_modules/openai': { version: '3.0.0' } } });
    assert.deepStrictEqual(packageVersions(manifest, lock), { openai: '4.52.7', '@anthropic-ai/sdk': '0.30.1', pino: '9.0.0' });
  });

  it('reads a v1 lockfile and falls back to the declared ranges', () => {
    assert.deepStrictEqual(packageVersions(manifest, JSON.stringify({ lockfileVersion: 1, dependencies: { openai: { version: '4.0.1' } } })), { openai: '4.0.1', '@anthropic-ai/sdk': '~0.30.0', pino: '9.0.0' });
    assert.deepStrictEqual(packageVersions(manifest, undefined).openai, '^4.20.0');
  });

  it('reads packages named like Object.prototype\'s members as any other', () => {
    assert.deepStrictEqual(packageVersions(JSON.stringify({ dependencies: { constructor: '1.0.0', toString: '^2.0.0' } }), undefined), { constructor: '1.0.0', toString: '^2.0.0' });
  });

  it('ignores missing or broken files', () => {
    assert.deepStrictEqual(packageVersions(undefined, undefined), {});
    assert.deepStrictEqual(packageVersions('{ not json', '[]'), {});
  });
});

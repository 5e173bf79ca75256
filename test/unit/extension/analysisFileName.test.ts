import * as assert from 'assert';
import { analysisFileName } from '../../../src/extension/analysisFileName';

describe('analysis file name', () => {
  it('gives untitled documents an extension that selects the right parser', () => {
    assert.strictEqual(analysisFileName('Untitled-1', 'typescriptreact'), 'Untitled-1.tsx');
    assert.strictEqual(analysisFileName('Untitled-2', 'javascript'), 'Untitled-2.js');
  });

  it('keeps a file name whose extension the engine knows', () => {
    assert.strictEqual(analysisFileName('/w/src/a.cjs', 'javascript'), '/w/src/a.cjs');
    assert.strictEqual(analysisFileName('/w/src/A.MTS', 'typescript'), '/w/src/A.MTS');
  });

  it('adds the language extension to other names', () => {
    assert.strictEqual(analysisFileName('/w/Jakefile', 'javascript'), '/w/Jakefile.js');
  });
});

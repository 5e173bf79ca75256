import * as assert from 'node:assert/strict';
import { analyzeSource } from '../../../src/core';
import { CALLBACK_WRAPPERS } from '../../../src/core/catalog/callbackWrappers';
import { TYPED_DATA } from '../../../src/core/catalog/typedData';
import { SANITIZERS } from '../../../src/core/catalog/sanitizers';
import { SINKS } from '../../../src/core/catalog/sinks';
import { compileApiPattern } from '../../../src/core/analysis/apiPattern';
import { MODEL_PROVIDERS } from '../../../src/core/catalog/modelProviders';
import { AMBIENT_CLIENTS } from '../../../src/core/catalog/ambientClients';
import { modelProviderImports } from '../../../src/core/inventory/modelProviderImports';

function findingsOf(code: string, fileName = 'example.ts') {
  const result = analyzeSource({ fileName, text: code });
  assert.equal(result.parseProblems.length, 0, `example does not parse:\n${code}\n${JSON.stringify(result.parseProblems)}`);
  return result.findings;
}

describe('sink catalog examples', () => {
  for (const entry of SINKS) {
    describe(entry.id, () => {
      it('has at least one example of each kind', () => {
        assert.ok(entry.examples.match.length > 0, 'no match example');
        assert.ok(entry.examples.noMatch.length > 0, 'no noMatch example');
      });
      it('compiles its paths', () => {
        for (const path of [...entry.paths, ...(entry.globals ?? [])]) assert.doesNotThrow(() => compileApiPattern(path), path);
        if (entry.globals) assert.ok(entry.modules.includes('<global>'), 'globals without <global> among the modules');
      });
      for (const code of entry.examples.match) {
        it(`reports: ${code.split('\n').pop()}`, () => {
          const findings = findingsOf(code);
          assert.ok(findings.some((f) => f.sink.id === entry.id || f.sink.id.startsWith(`${entry.id}.`)), `expected a ${entry.id} finding, got ${JSON.stringify(findings.map((f) => f.sink.id))}`);
        });
      }
      for (const code of entry.examples.noMatch) {
        it(`does not report: ${code.split('\n').pop()}`, () => {
          const findings = findingsOf(code);
          assert.deepEqual(findings.filter((f) => f.sink.id === entry.id).map((f) => f.expression), []);
        });
      }
    });
  }
});

describe('sanitizer catalog examples', () => {
  for (const entry of SANITIZERS) {
    for (const code of entry.examples.match) {
      it(`${entry.id} ends the flow: ${code.split('\n').pop()}`, () => {
        assert.deepEqual(findingsOf(code).map((f) => f.expression), []);
      });
    }
    for (const code of entry.examples.noMatch) {
      it(`${entry.id} does not apply: ${code.split('\n').pop()}`, () => {
        assert.ok(findingsOf(code).length > 0, 'expected the PHI to still be reported');
      });
    }
  }
});

describe('callback wrapper catalog examples', () => {
  for (const entry of CALLBACK_WRAPPERS) {
    describe(entry.id, () => {
      it('has examples of each kind, and module paths or names', () => {
        assert.ok(entry.examples.match.length > 0 && entry.examples.noMatch.length > 0);
        assert.ok((entry.modules && entry.paths) || entry.names, 'an entry needs modules and paths, or names');
        for (const path of entry.paths ?? []) assert.doesNotThrow(() => compileApiPattern(path), path);
      });
      for (const code of entry.examples.match) {
        it(`carries what the result is called with into the callback: ${code.split('\n').pop()}`, () => {
          const findings = findingsOf(code);
          assert.ok(findings.length > 0, 'expected the PHI passed to the wrapped function to be reported');
          // The leak is the call of the result: the finding is on its line, with the callback's parameter on its path.
          const lastLineStart = code.lastIndexOf('\n') + 1;
          assert.ok(findings.some((f) => f.range.start >= lastLineStart && f.flow.some((s) => s.note.startsWith('parameter'))), JSON.stringify(findings.map((f) => [f.range, f.flow.map((s) => s.note)])));
        });
      }
      for (const code of entry.examples.noMatch) {
        it(`reports nothing: ${code.split('\n').pop()}`, () => {
          assert.deepEqual(findingsOf(code).map((f) => f.expression), []);
        });
      }
    });
  }
});

describe('typed data catalog examples', () => {
  for (const entry of TYPED_DATA) {
    describe(entry.id, () => {
      it('has examples of each kind, and paths that compile', () => {
        assert.ok(entry.examples.match.length > 0 && entry.examples.noMatch.length > 0);
        for (const path of entry.paths) assert.doesNotThrow(() => compileApiPattern(path), path);
      });
      for (const code of entry.examples.match) {
        it(`takes the data for the type's records: ${code.split('\n').pop()}`, () => {
          const findings = findingsOf(code, 'example.tsx');
          assert.ok(findings.some((f) => f.flow.some((s) => s.note.includes('is the data typed'))), JSON.stringify(findings.map((f) => f.flow.map((s) => s.note))));
        });
      }
      for (const code of entry.examples.noMatch) {
        it(`reports nothing for a type without PHI: ${code.split('\n').pop()}`, () => {
          assert.deepEqual(findingsOf(code, 'example.tsx').map((f) => f.expression), []);
        });
      }
    });
  }
});

describe('model provider catalog examples', () => {
  const frameworks = new Set(SINKS.map((sink) => sink.vendor));
  const modules = MODEL_PROVIDERS.flatMap((entry) => entry.modules);

  it('names each module once, and only frameworks the sink catalog has', () => {
    assert.deepEqual(modules.filter((module, i) => modules.indexOf(module) !== i), []);
    for (const entry of MODEL_PROVIDERS) for (const framework of entry.frameworks) assert.ok(frameworks.has(framework), `${entry.id}: no sink of vendor ${framework}`);
  });
  for (const entry of MODEL_PROVIDERS) {
    describe(entry.id, () => {
      it('has examples of each kind', () => assert.ok(entry.examples.match.length > 0 && entry.examples.noMatch.length > 0));
      for (const code of entry.examples.match) {
        it(`imports ${entry.provider}: ${code}`, () => assert.ok(modelProviderImports(code).some((found) => found.entry.id === entry.id)));
      }
      for (const code of entry.examples.noMatch) {
        it(`does not import ${entry.provider}: ${code}`, () => assert.deepEqual(modelProviderImports(code).filter((found) => found.entry.id === entry.id), []));
      }
    });
  }
});

describe('ambient client type catalog examples', () => {
  for (const entry of AMBIENT_CLIENTS) {
    describe(entry.namespace, () => {
      it('has examples of each kind', () => assert.ok(entry.examples.match.length > 0 && entry.examples.noMatch.length > 0));
      for (const code of entry.examples.match) {
        it(`reports a sink through a value typed by the namespace: ${code.split('\n').pop()}`, () => assert.ok(findingsOf(code).length > 0));
      }
      for (const code of entry.examples.noMatch) {
        it(`reports nothing: ${code.split('\n').pop()}`, () => assert.deepEqual(findingsOf(code).map((f) => f.expression), []));
      }
    });
  }
});

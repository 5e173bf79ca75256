import * as assert from 'assert';
import type { FileInput, ScanFileWireResponse } from '../../../../src/extension/analysisWorker/protocol';
import { ScanInputNumbers, ScanInputTable } from '../../../../src/extension/analysisWorker/scanInputNumbers';

const helper: FileInput = { path: '/ws/audit.ts', hash: 'a'.repeat(64), unresolved: [], schema: '' };
const route = (n: number): FileInput => ({ path: `/ws/route${n}.ts`, hash: String(n).repeat(64).slice(0, 64), unresolved: ['date-fns'], schema: '', resolved: [['./audit', '/ws/audit.ts']] });
const flows = { uri: 'file:///ws/route.ts', flows: [], inventory: [] } as never;

describe('scan inputs by number between the worker and the client', () => {
  it('sends each input once, numbers equal inputs alike, and gives the client the same objects back', () => {
    const numbers = new ScanInputNumbers();
    const table = new ScanInputTable();
    const first = numbers.encode('h1', route(1), [helper]);
    assert.deepStrictEqual(first.inputs.map(([, input]) => input.path), ['/ws/route1.ts', '/ws/audit.ts']);
    const second = numbers.encode('h2', route(2), [{ ...helper }]);
    assert.deepStrictEqual(second.inputs.map(([, input]) => input.path), ['/ws/route2.ts'], 'the helper, equal but another object, was sent already');
    assert.strictEqual(second.dependencies[0], first.dependencies[0]);

    const one = table.decode({ kind: 'analysed', flows, ...first });
    const two = table.decode({ kind: 'analysed', flows, ...second });
    assert.ok(one && two && one.kind === 'analysed' && two.kind === 'analysed');
    assert.deepStrictEqual(one.self, route(1));
    assert.deepStrictEqual(two.dependencies, [helper]);
    assert.strictEqual(one.dependencies[0], two.dependencies[0], 'one object per input on the client');
    assert.deepStrictEqual(Object.keys(two).sort(), ['dependencies', 'flows', 'hash', 'kind', 'self']);
  });

  it('cannot decode a number it never received, and after a resend the worker sends every input again', () => {
    const numbers = new ScanInputNumbers();
    numbers.encode('h1', route(1), [helper]);
    const lost: ScanFileWireResponse = { kind: 'skipped', message: 'too large', ...numbers.encode('h2', route(2), [helper]) };
    const table = new ScanInputTable();
    assert.strictEqual(table.decode(lost), undefined, 'the helper went with a response this table never saw');
    numbers.resend();
    const again = numbers.encode('h2', route(2), [helper]);
    assert.deepStrictEqual(again.inputs.map(([, input]) => input.path), ['/ws/route2.ts', '/ws/audit.ts']);
    const decoded = table.decode({ kind: 'skipped', message: 'too large', ...again });
    assert.ok(decoded && decoded.kind === 'skipped');
    assert.deepStrictEqual(decoded.dependencies, [helper]);
    assert.deepStrictEqual(table.decode({ kind: 'unchanged' }), { kind: 'unchanged' });
  });
});

import * as assert from 'node:assert/strict';
import { importClosedPrefix, importCycleGroups } from '../../bench/dependencyOrder';
import { projectOnDisk } from '../projectOnDisk';

describe('bench: workspaces closed under imports', () => {
  // app imports ui and a cycle (a ↔ b, b → util); ui imports util; lone stands alone; the list is in name order.
  const { root, file } = projectOnDisk({
    'src/a.ts': "import { b } from './b';\nexport const a = () => b();\n",
    'src/app.ts': "import { a } from './a';\nimport { button } from './ui';\nexport const app = () => [a(), button()];\n",
    'src/b.ts': "import { a } from './a';\nimport { util } from './util';\nexport const b = () => (a, util());\n",
    'src/lone.js': "const fs = require('fs');\nmodule.exports = fs;\n",
    'src/ui.tsx': "export { util as button } from './util';\n",
    'src/util.ts': "export const util = () => 1;\n",
  });
  const files = ['src/a.ts', 'src/app.ts', 'src/b.ts', 'src/lone.js', 'src/ui.tsx', 'src/util.ts'].map(file);

  it('groups an import cycle and puts every group after the groups it imports from', () => {
    const groups = importCycleGroups(files, root);
    const named = groups.map((group) => group.map((f) => f.slice(root.length + 5)).sort());
    assert.deepEqual(named, [['util.ts'], ['a.ts', 'b.ts'], ['ui.tsx'], ['app.ts'], ['lone.js']]);
  });

  it('takes whole groups until the share is reached, so no file of a prefix imports one outside it', () => {
    const groups = importCycleGroups(files, root);
    assert.deepEqual(importClosedPrefix(groups, 0.25).map((f) => f.slice(root.length + 5)).sort(), ['a.ts', 'b.ts', 'util.ts']);
    assert.equal(importClosedPrefix(groups, 1).length, files.length);
    assert.deepEqual(importClosedPrefix(groups, 0), []);
  });
});

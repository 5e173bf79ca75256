import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSource } from '../../../src/core';
import { exportableNames, starReexportSpecifiers } from '../../../src/core/text/exportableNames';
import { createRandom, generateFile } from '../../bench/generateWorkspace';

function sorted(names: Set<string> | undefined): string[] | undefined {
  return names && [...names].sort();
}

/** Every source file under test/fixtures (the labelled corpus and the cross-file workspaces). */
function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?[jt]sx?$/.test(entry.name)) out.push(full);
    }
  };
  walk(path.join(__dirname, '../../fixtures'));
  return out.sort();
}

describe('exportableNames', () => {
  for (const [code, names] of [
    ['export function save() {}\nexport async function* pages() {}', ['pages', 'save']],
    ['export class Repo {}\nexport abstract class Base {}\nexport declare const VERSION: string;', ['Base', 'Repo', 'VERSION']],
    ['export interface Patient {}\nexport type Id = string;\nexport enum Kind { A }\nexport const enum Flag { B }\nexport namespace Api {}', ['Api', 'Flag', 'Id', 'Kind', 'Patient']],
    ["export { a, b as c };\nexport type { T } from './t';", ['T', 'a', 'as', 'b', 'c']],
    ["export * from './m';\nexport * as ns from './n';", ['ns']],
    ['export default function () {}\nexport import Alias = Api.Inner;', ['Alias', 'default']],
    ['export default interface Lab {}\nexport default class Repo {}', ['Lab', 'Repo', 'default']],
    ['export const a = 1, b = 2;\nexport const x: number = 1,\n  y: string = "q";', ['a', 'b', 'x', 'y']],
    ['const helper = 1;\nexport\n  const shown = helper;', ['shown']],
  ] as const) {
    it(`reads what an export names: ${code.split('\n')[0]}`, () => {
      assert.deepEqual(sorted(exportableNames(code)), names);
    });
  }

  it('leaves out the names a module only imports or uses', () => {
    const code = "import { helper3 } from './index';\nexport function useIt(x: unknown) { return helper3(x); }\n";
    assert.deepEqual(sorted(exportableNames(code)), ['useIt']);
  });

  for (const code of [
    'module.exports = { save };',
    'exports.save = save;',
    'export = save;',
    'export let a, b;',
    'export var a = 1;',
    'export const { a, b } = config;',
    '// export the data below\nexport const a = 1;',
    'export { a as "b-c" };',
    'export /* the API */ const a = 1;',
    'export as namespace Lib;',
  ]) {
    it(`gives up on an export it does not follow, so every word counts: ${code.split('\n')[0]}`, () => {
      assert.equal(exportableNames(code), undefined);
    });
  }

  it("holds every name a module's analysis exports, for the fixtures and generated modules", () => {
    const random = createRandom(7);
    const texts: [string, string][] = fixtureFiles().map((file) => [file, fs.readFileSync(file, 'utf8')]);
    for (let i = 0; i < 20; i++) texts.push([`generated${i}.${i % 2 ? 'tsx' : 'ts'}`, generateFile(random, 200, i % 2 ? 'tsx' : 'ts')]);
    let read = 0;
    for (const [file, text] of texts) {
      const names = exportableNames(text);
      if (!names) continue;
      read++;
      const exported = Object.keys(analyzeSource({ fileName: file, text }).summary?.exports ?? {});
      assert.deepEqual(exported.filter((name) => !names.has(name)), [], file);
    }
    assert.ok(read > texts.length / 2, `read ${read} of ${texts.length}`);
  });
});

describe('starReexportSpecifiers', () => {
  it('lists the modules `export * from` names, in order, and no other import or export', () => {
    const text = "import { a } from './a';\nexport * from './first';\nexport { b } from './b';\nexport * as ns from \"./second\";\nexport*from'./third';\nre.export * from;\n";
    assert.deepEqual(starReexportSpecifiers(text), ['./first', './second', './third']);
  });
});

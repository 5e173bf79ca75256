import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ModuleResolver, MISSING_FOLDER } from '../../../src/core/project/moduleResolver';
import type { FolderListing, ProjectHost } from '../../../src/core/project/moduleResolver';
import { nodeProjectHost } from '../../../src/core/project/nodeHost';
import { projectOnDisk } from '../projectOnDisk';

/** The disk, counting what module resolution asks of it; `listing: false` makes every folder unlistable. */
function countingHost(listing = true) {
  const disk = nodeProjectHost();
  const asked = { fileExists: [] as string[], listFolder: [] as string[] };
  const host: ProjectHost = {
    readFile: (file) => disk.readFile(file),
    fileExists: (file) => (asked.fileExists.push(file), disk.fileExists(file)),
    listFolder: (dir): FolderListing | undefined => (asked.listFolder.push(dir), listing ? disk.listFolder(dir) : undefined),
  };
  return { host, asked };
}

describe('module resolution probes', () => {
  it('answers the probes of one folder with one listing and asks nothing of a regular file', () => {
    const { root, file } = projectOnDisk({ 'src/a.ts': '', 'src/b.tsx': '', 'src/c/index.ts': '', 'src/d.ts': '', 'src/main.ts': '' });
    const { host, asked } = countingHost();
    const resolver = new ModuleResolver(host, root);
    const from = file('src/main.ts');
    assert.equal(resolver.resolve(from, './a'), file('src/a.ts'));
    assert.equal(resolver.resolve(from, './b'), file('src/b.tsx'));
    assert.equal(resolver.resolve(from, './c'), file('src/c/index.ts'));
    assert.equal(resolver.resolve(from, './d.js'), file('src/d.ts'), 'a .js specifier names the .ts file');
    assert.equal(resolver.resolve(from, './missing'), undefined);
    assert.deepEqual(asked.fileExists, []);
    assert.deepEqual(asked.listFolder.sort(), [root, file('src'), file('src/c')].sort(), 'each folder listed once; src/missing is not in src');
  });

  it('reads no folder that its parent\'s listing lacks or holds as a file', () => {
    const { root, file } = projectOnDisk({ 'src/main.ts': '', 'src/logo.svg': '' });
    const { host, asked } = countingHost();
    const resolver = new ModuleResolver(host, root);
    assert.equal(resolver.resolve(file('src/main.ts'), './nothing'), undefined);
    assert.equal(resolver.resolve(file('src/main.ts'), './logo.svg'), undefined);
    assert.equal(resolver.fileExists(file('src/prisma/schema.prisma')), false);
    assert.deepEqual(asked.listFolder.sort(), [root, file('src')].sort());
  });

  it('asks the disk about a symbolic link and about a name found only in another case', () => {
    const { root, file } = projectOnDisk({ 'real/impl.ts': 'export const x = 1;\n', 'src/helper.ts': '', 'src/main.ts': '' });
    fs.symlinkSync(file('real/impl.ts'), file('src/linked.ts'));
    const { host, asked } = countingHost();
    const resolver = new ModuleResolver(host, root);
    assert.equal(resolver.resolve(file('src/main.ts'), './linked'), file('src/linked.ts'), 'a link to a file is a file');
    assert.deepEqual(asked.fileExists, [file('src/linked.ts')]);
    resolver.resolve(file('src/main.ts'), './Helper');
    assert.ok(asked.fileExists.includes(file('src/Helper.ts')), 'the disk decides whether Helper.ts is helper.ts (case-insensitive file systems)');
  });

  it('asks fileExists for every probe when a folder cannot be listed', () => {
    const { root, file } = projectOnDisk({ 'src/a.ts': '', 'src/main.ts': '' });
    const { host, asked } = countingHost(false);
    const resolver = new ModuleResolver(host, root);
    assert.equal(resolver.resolve(file('src/main.ts'), './a'), file('src/a.ts'));
    assert.ok(asked.fileExists.includes(file('src/a.ts')));
  });

  it('lists a folder again after invalidate (a file created since)', () => {
    const { root, file, write } = projectOnDisk({ 'src/main.ts': '' });
    const resolver = new ModuleResolver(nodeProjectHost(), root);
    assert.equal(resolver.resolve(file('src/main.ts'), './later'), undefined);
    write('src/later.ts', 'export {};\n');
    assert.equal(resolver.resolve(file('src/main.ts'), './later'), undefined, 'remembered until told');
    resolver.invalidate();
    assert.equal(resolver.resolve(file('src/main.ts'), './later'), file('src/later.ts'));
  });

  it('lists a missing folder, or a file taken for one, as empty', () => {
    const { file } = projectOnDisk({ 'src/a.ts': '' });
    const host = nodeProjectHost();
    assert.equal(host.listFolder(file('nowhere')), MISSING_FOLDER);
    assert.equal(host.listFolder(file('src/a.ts')), MISSING_FOLDER);
    const listing = host.listFolder(file('src'))!;
    assert.deepEqual([...listing.files], ['a.ts']);
    assert.deepEqual([...listing.lowerCaseNames], ['a.ts']);
  });
});

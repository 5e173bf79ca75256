import * as fs from 'fs';
import * as ts from 'typescript';
import { ModuleResolver } from '../../src/core/project/moduleResolver';
import { nodeProjectHost } from '../../src/core/project/nodeHost';

/**
 * `files` grouped by import cycle (strongly connected components of the import graph, a lone module being its own),
 * each group after every group it imports from. Any run of whole groups from the start is a workspace whose imports
 * stay within it: the growth measure scans such prefixes, so that a smaller workspace's scan does not analyse most of
 * the project as the modules its files import (as a sample of every 4th file does). Imports are read as TypeScript
 * pre-processes a file (imports, re-exports, `require`, `import()`) and resolved as the engine resolves them.
 */
export function importCycleGroups(files: readonly string[], root: string): string[][] {
  const resolver = new ModuleResolver(nodeProjectHost(), root);
  const listed = new Set(files);
  const importsOf = (file: string): string[] => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    const imported = ts.preProcessFile(text, true, true).importedFiles.map((reference) => resolver.resolve(file, reference.fileName));
    return [...new Set(imported.filter((target): target is string => target !== undefined && listed.has(target)))];
  };
  // Tarjan's algorithm, iterative (a long chain of imports must not run out of stack). It completes a group only after
  // every group reachable from it, so the groups come out dependencies first.
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  for (const start of files) {
    if (index.has(start)) continue;
    const frames: { file: string; imports: string[]; next: number }[] = [];
    const enter = (file: string): void => {
      index.set(file, index.size);
      lowLink.set(file, index.get(file)!);
      stack.push(file);
      onStack.add(file);
      frames.push({ file, imports: importsOf(file), next: 0 });
    };
    enter(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const dependency = frame.imports[frame.next++];
      if (dependency !== undefined) {
        if (!index.has(dependency)) enter(dependency);
        else if (onStack.has(dependency)) lowLink.set(frame.file, Math.min(lowLink.get(frame.file)!, index.get(dependency)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) lowLink.set(parent.file, Math.min(lowLink.get(parent.file)!, lowLink.get(frame.file)!));
      if (lowLink.get(frame.file) !== index.get(frame.file)) continue;
      const group: string[] = [];
      for (let member = stack.pop()!; ; member = stack.pop()!) {
        onStack.delete(member);
        group.push(member);
        if (member === frame.file) break;
      }
      groups.push(group.reverse());
    }
  }
  return groups;
}

/** The first whole groups holding at least `share` of all the files (a fraction, 0–1). */
export function importClosedPrefix(groups: readonly (readonly string[])[], share: number): string[] {
  const total = groups.reduce((sum, group) => sum + group.length, 0);
  const prefix: string[] = [];
  for (const group of groups) {
    if (prefix.length >= total * share) break;
    prefix.push(...group);
  }
  return prefix;
}

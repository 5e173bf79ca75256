// Writes a synthetic bench workspace: node --import tsx test/bench/generate.ts --out DIR --lines N [--seed S]
import * as path from 'path';
import { writeWorkspace } from './generateWorkspace';

const argument = (name: string, fallback?: string): string => {
  const index = process.argv.indexOf(name);
  if (index >= 0 && process.argv[index + 1]) return process.argv[index + 1];
  if (fallback !== undefined) return fallback;
  throw new Error(`missing ${name}; usage: generate.ts --out DIR --lines N [--seed S]`);
};
const out = path.resolve(argument('--out'));
const result = writeWorkspace(out, Number(argument('--lines')), Number(argument('--seed', '1')));
console.log(`wrote ${result.files} files, ${result.lines} lines to ${out}`);

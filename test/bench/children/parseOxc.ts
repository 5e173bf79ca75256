// Baseline (1b): a bare oxc-parser parse of the bench's files (Rust parser; the AST crosses into JS).
import * as fs from 'fs';
import { countLines, printResult, readFileList } from './fileList';

async function main(): Promise<void> {
  const { parseSync } = await import('oxc-parser'); // an ES module
  let lines = 0;
  let statements = 0;
  const files = readFileList(process.argv[2]);
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    lines += countLines(text);
    statements += parseSync(file, text).program.body.length;
  }
  printResult({ files: files.length, lines, statements });
}

void main();

// Baseline (1a): a bare TypeScript parse of the bench's files — read, ts.createSourceFile, nothing else. With
// `no-jsdoc`, JSDoc comments are left unparsed, as the engine parses (TypeScript's default parses them).
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { countLines, printResult, readFileList } from './fileList';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS, '.mts': ts.ScriptKind.TS, '.cts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX,
};

let lines = 0;
let nodes = 0;
const files = readFileList(process.argv[2]);
const options: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: process.argv[3] === 'no-jsdoc' ? ts.JSDocParsingMode.ParseNone : ts.JSDocParsingMode.ParseAll };
for (const file of files) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  lines += countLines(text);
  const sourceFile = ts.createSourceFile(file, text, options, false, SCRIPT_KINDS[path.extname(file)] ?? ts.ScriptKind.TS);
  nodes += sourceFile.statements.length;
}
printResult({ files: files.length, lines, statements: nodes });

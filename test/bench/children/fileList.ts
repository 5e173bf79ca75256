import * as fs from 'fs';

/** The bench hands each measured process the same files through a list file (one absolute path a line). */
export function readFileList(listFile: string): string[] {
  return fs.readFileSync(listFile, 'utf8').split('\n').filter((line) => line.length > 0);
}

export function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

/** Measured processes print one JSON line on stdout; the bench reads the last line. */
export function printResult(result: object): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

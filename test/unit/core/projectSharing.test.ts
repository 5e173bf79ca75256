import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, ProjectAnalyzer, nodeProjectHost, type ProjectHost } from '../../../src/core';
import { projectOnDisk } from '../projectOnDisk';

function workspace(files: Record<string, string>): string {
  return projectOnDisk(files).root;
}

/** The file system, recording which files an analyser reads (it reads every module it analyses). */
function recordingHost(overrides?: (file: string) => string | undefined): ProjectHost & { reads: string[] } {
  const fileSystem = nodeProjectHost(overrides);
  const reads: string[] = [];
  return { ...fileSystem, reads, readFile: (file) => (reads.push(file), fileSystem.readFile(file)) };
}

/** Files are not re-checked during the test, as in a CLI scan (otherwise a new generation re-reads adopted files). */
const ONE_GENERATION = Infinity;

const AI_WRAPPER = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function ask(prompt: string) {
  return openai.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: prompt }] });
}
`;
const ROUTE = "import { ask } from './lib';\nexport async function h(patient: { diagnosis: string }) {\n  await ask(patient.diagnosis);\n}\n";

describe('sharing analyses between project analysers (threads of a scan)', () => {
  const files = { 'lib/ai.ts': AI_WRAPPER, 'lib/index.ts': "export * from './ai';\n", 'route.ts': ROUTE };
  const names = Object.keys(files);
  const expressions = (result: ReturnType<ProjectAnalyzer['analyze']>) => result!.findings.map((f) => [f.category, f.expression]);

  /** What one analyser shares after analysing route.ts, copied as a message between threads would be. */
  function sharedByAnother(root: string) {
    const other = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
    const result = other.analyze(path.join(root, 'route.ts'));
    assert.deepEqual(expressions(result), [['ai', 'patient.diagnosis']]);
    const shared = names.map((name) => other.shareAnalysis(path.join(root, name)));
    assert.ok(shared.every((analysis) => analysis !== undefined), 'the request and the modules it imports were analysed');
    return { other, shared: structuredClone(shared.map((analysis) => analysis!)) };
  }

  it('uses adopted analyses for requests and imports without reading or analysing those files again', () => {
    const root = workspace({ ...files, 'other-route.ts': ROUTE.replace('h(', 'g(') });
    const { other, shared } = sharedByAnother(root);
    const host = recordingHost();
    const project = new ProjectAnalyzer(host, root, () => DEFAULT_CONFIG, ONE_GENERATION);
    assert.deepEqual(shared.map((analysis) => project.adoptAnalysis(analysis)), [true, true, true]);

    const route = path.join(root, 'route.ts');
    const adopted = project.analyze(route, fs.readFileSync(route, 'utf8'));
    assert.deepEqual(expressions(adopted), [['ai', 'patient.diagnosis']]);
    assert.equal(project.fingerprintOf(path.join(root, 'lib/ai.ts')), other.fingerprintOf(path.join(root, 'lib/ai.ts')));

    // A file nobody analysed yet is analysed here, with the adopted summaries of what it imports.
    const otherRoute = path.join(root, 'other-route.ts');
    assert.deepEqual(expressions(project.analyze(otherRoute, fs.readFileSync(otherRoute, 'utf8'))), [['ai', 'patient.diagnosis']]);
    assert.deepEqual(host.reads, [], 'no module was read, so none was analysed again');
  });

  it('analyses the file again when asked about a different text than the adopted analysis saw', () => {
    const root = workspace(files);
    const { shared } = sharedByAnother(root);
    const project = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
    for (const analysis of shared) project.adoptAnalysis(analysis);
    const edited = ROUTE.replace('ask(patient.diagnosis)', "ask('hello')");
    assert.deepEqual(expressions(project.analyze(path.join(root, 'route.ts'), edited)), []);
  });

  it('refuses an analysis of a file it analysed itself, or one made with other summaries of its imports', () => {
    const root = workspace(files);
    const { shared } = sharedByAnother(root);
    // This analyser sees an unsaved version of lib/ai.ts that sends nothing to the AI.
    const aiFile = path.join(root, 'lib/ai.ts');
    const quiet = 'export async function ask(prompt: string) {\n  return prompt.length;\n}\n';
    const project = new ProjectAnalyzer(recordingHost((file) => (file === aiFile ? quiet : undefined)), root, () => DEFAULT_CONFIG);
    project.analyze(aiFile);
    // lib/index.ts only re-exports: its own analysis used no summary, so it is adopted; route.ts used lib/ai.ts's.
    assert.deepEqual(shared.map((analysis) => project.adoptAnalysis(analysis)), [false, true, false]);
    assert.deepEqual(expressions(project.analyze(path.join(root, 'route.ts'))), [], 'route.ts analysed here, with its own summary of lib/ai.ts');
  });

  it('checks adopted analyses against the files once they may have changed (a new generation)', () => {
    const root = workspace(files);
    const { shared } = sharedByAnother(root);
    const project = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
    for (const analysis of shared) project.adoptAnalysis(analysis);
    fs.writeFileSync(path.join(root, 'lib/ai.ts'), 'export async function ask(prompt: string) {\n  return prompt.length;\n}\n');
    project.changed();
    assert.deepEqual(expressions(project.analyze(path.join(root, 'route.ts'))), []);
  });

  it('gives an adopted import cycle the findings of analysing it', () => {
    const root = workspace({
      'a.ts': "import { again } from './b';\nexport function logIt(x: unknown) { console.log(x); }\nexport function f(ssn: string) { again(ssn); }\n",
      'b.ts': "import { logIt } from './a';\nexport function again(v: unknown) { logIt(v); }\nexport function g(mrn: string) { logIt(mrn); }\n",
    });
    const [a, b] = ['a.ts', 'b.ts'].map((name) => path.join(root, name));
    const other = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
    other.analyze(a);
    const host = recordingHost();
    const project = new ProjectAnalyzer(host, root, () => DEFAULT_CONFIG, ONE_GENERATION);
    for (const file of [b, a]) assert.equal(project.adoptAnalysis(structuredClone(other.shareAnalysis(file)!)), true);
    const fresh = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
    assert.deepEqual(project.analyze(b)!.findings.map((f) => f.expression), fresh.analyze(b)!.findings.map((f) => f.expression));
    assert.deepEqual(project.analyze(a)!.findings.map((f) => f.expression), ['ssn']);
    assert.deepEqual(host.reads, []);
  });

  it('shares nothing for a file it has not analysed', () => {
    const root = workspace(files);
    const project = new ProjectAnalyzer(nodeProjectHost(), root, () => DEFAULT_CONFIG);
    assert.equal(project.shareAnalysis(path.join(root, 'route.ts')), undefined);
  });
});

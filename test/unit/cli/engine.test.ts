import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort } from 'worker_threads';
import { analyzeFile } from '../../../src/cli/analyzeFile';
import { createEngine } from '../../../src/cli/engine';
import type { SharedAnalysesMessage } from '../../../src/cli/workerProtocol';
import { DEFAULT_CONFIG } from '../../../src/core';
import { materialize, removeTree } from './fixtures/fixtureTrees';

const AI_MODULE = "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(question: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });\n}\n";
const VISIT = "import { ask } from './ai';\nexport async function summarize(patient: { firstName: string }) {\n  return ask(`Chart for ${patient.firstName}`);\n}\n";

describe('cli createEngine', () => {
  let root: string;
  afterEach(() => removeTree(root));

  /** Analyses src/visit.ts, which passes a patient's name to src/ai.ts's AI call. */
  const analyseVisit = (analyze: ReturnType<typeof createEngine>) => {
    const fileName = path.join(root, 'src/visit.ts');
    return analyze({ fileName, text: VISIT, config: DEFAULT_CONFIG }).findings.map((f) => `${f.rule} ${path.basename(f.flow[f.flow.length - 1]?.file ?? '')}`);
  };

  it('uses the analyses another thread sent instead of analysing those modules again', () => {
    root = materialize({ files: { 'src/ai.ts': AI_MODULE, 'src/visit.ts': VISIT } });
    const channel = new MessageChannel();
    try {
      const first = createEngine(root, () => DEFAULT_CONFIG, [channel.port1]);
      const second = createEngine(root, () => DEFAULT_CONFIG, [channel.port2]);
      const expected = ['no-phi-to-ai ai.ts'];
      assert.deepStrictEqual(analyseVisit(first), expected);
      // src/ai.ts is gone: only the first thread's analysis of it, received over the port, can give the finding.
      fs.rmSync(path.join(root, 'src/ai.ts'));
      assert.deepStrictEqual(analyseVisit(second), expected);
      assert.strictEqual(receiveMessageOnPort(channel.port1), undefined, 'what it adopted is not sent back');
      assert.deepStrictEqual(analyseVisit(createEngine(root, () => DEFAULT_CONFIG)), [], 'an engine with no peers has to read src/ai.ts');
    } finally {
      channel.port1.close();
      channel.port2.close();
    }
  });

  it('reports a flow into a sink reviewed in the imported module as suppressed, naming the comment\'s file and line', () => {
    const reviewed = AI_MODULE.replace('  return openai', '  // phi-guard-allow no-phi-to-ai -- Azure OpenAI under BAA #7\n  return openai');
    root = materialize({ files: { 'src/ai.ts': reviewed, 'src/visit.ts': VISIT } });
    const result = analyzeFile({ absolutePath: path.join(root, 'src/visit.ts'), cwd: root, config: DEFAULT_CONFIG, analyze: createEngine(root, () => DEFAULT_CONFIG) });
    assert.deepStrictEqual(result.findings, []);
    assert.deepStrictEqual(result.suppressed.map((f) => [f.file, f.line, f.rule, f.justification, f.suppressedAt]), [
      ['src/visit.ts', 3, 'no-phi-to-ai', 'Azure OpenAI under BAA #7', { file: 'src/ai.ts', line: 4, column: 3 }],
    ]);
  });

  it('hands the scan the text it read for an import, so the file is not read again when its turn comes', () => {
    root = materialize({ files: { 'src/ai.ts': AI_MODULE, 'src/visit.ts': VISIT } });
    const engine = createEngine(root, () => DEFAULT_CONFIG);
    const aiFile = path.join(root, 'src/ai.ts');
    assert.strictEqual(engine.knownText?.(aiFile), undefined, 'nothing read yet');
    analyzeFile({ absolutePath: path.join(root, 'src/visit.ts'), cwd: root, config: DEFAULT_CONFIG, analyze: engine });
    assert.strictEqual(engine.knownText?.(aiFile), AI_MODULE);
    // Gone from disk: only the text read for the import can give the scan the file's own findings.
    fs.rmSync(aiFile);
    const result = analyzeFile({ absolutePath: aiFile, cwd: root, config: DEFAULT_CONFIG, analyze: engine });
    assert.deepStrictEqual([result.analysed, result.lines, result.notices], [true, 6, []]);
    const tiny = { ...DEFAULT_CONFIG, maxFileSizeKb: 0.01 };
    assert.match(analyzeFile({ absolutePath: aiFile, cwd: root, config: tiny, analyze: engine }).notices[0]?.message ?? '', /over the maxFileSizeKb limit/);
  });

  it('places a flow\'s steps in an imported module by the text the engine analysed, not the file as it is later', () => {
    root = materialize({ files: { 'src/ai.ts': AI_MODULE, 'src/visit.ts': VISIT } });
    const engine = createEngine(root, () => DEFAULT_CONFIG);
    const visitFile = path.join(root, 'src/visit.ts');
    const aiCallLine = (result: ReturnType<typeof analyzeFile>) => result.findings[0]?.flow.at(-1);
    assert.deepStrictEqual(aiCallLine(analyzeFile({ absolutePath: visitFile, cwd: root, config: DEFAULT_CONFIG, analyze: engine }))?.line, 4);
    // Three lines added on disk during the scan: the scan reads one snapshot, and the analysis it reports is of the first text.
    fs.writeFileSync(path.join(root, 'src/ai.ts'), `// a\n// b\n// c\n${AI_MODULE}`);
    const step = aiCallLine(analyzeFile({ absolutePath: visitFile, cwd: root, config: DEFAULT_CONFIG, analyze: engine }));
    assert.deepStrictEqual([step?.file, step?.line], ['src/ai.ts', 4]);
  });

  it('sends nothing when cross-file analysis is off', () => {
    root = materialize({ files: { 'src/ai.ts': AI_MODULE, 'src/visit.ts': VISIT } });
    const channel = new MessageChannel();
    try {
      const fileName = path.join(root, 'src/visit.ts');
      const singleFile = { ...DEFAULT_CONFIG, crossFile: false };
      createEngine(root, () => singleFile, [channel.port1])({ fileName, text: VISIT, config: singleFile });
      assert.strictEqual(receiveMessageOnPort(channel.port2), undefined);
      createEngine(root, () => DEFAULT_CONFIG, [channel.port1])({ fileName, text: VISIT, config: DEFAULT_CONFIG });
      const sent = receiveMessageOnPort(channel.port2)?.message as SharedAnalysesMessage | undefined;
      assert.deepStrictEqual(sent?.analyses.map((analysis) => path.relative(root, analysis.file)), ['src/ai.ts', 'src/visit.ts'], 'dependencies first');
    } finally {
      channel.port1.close();
      channel.port2.close();
    }
  });
});

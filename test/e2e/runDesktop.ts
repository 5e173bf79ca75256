/**
 * Runs the same extension-host suite (test/e2e/suite) in a desktop VS Code downloaded by @vscode/test-electron,
 * for users' online CI (these build machines cannot download VS Code; they use run.sh with code-server).
 * Usage: npm run build && node test/e2e/build.js && npx tsx test/e2e/runDesktop.ts   (under Linux CI: xvfb-run -a …)
 * Env: VSCODE_VERSION (default "stable").
 */
import { runTests } from '@vscode/test-electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '..', '..');
  const testsIndex = path.join(repo, 'out', 'e2e', 'suite', 'index.js');
  if (!fs.existsSync(testsIndex)) throw new Error(`${testsIndex} is missing: run 'node test/e2e/build.js' first.`);
  // A fresh copy of the sample workspace: the tests edit files and .phi-guard.json.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-ws-'));
  fs.cpSync(path.join(__dirname, 'workspace'), workspace, { recursive: true });
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-user-'));
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath: testsIndex,
      // Built-in TypeScript and Git extensions off as in run.sh: they share the extension host's thread that
      // largeFileResponsiveness.test.ts measures.
      launchArgs: [
        path.join(workspace, 'e2e.code-workspace'),
        '--disable-extensions',
        ...['vscode.typescript-language-features', 'vscode.git', 'vscode.git-base', 'vscode.github', 'vscode.github-authentication'].flatMap((id) => ['--disable-extension', id]),
        '--disable-workspace-trust',
        '--skip-welcome',
        '--user-data-dir',
        userData,
      ],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('Desktop e2e run failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});

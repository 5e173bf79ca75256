#!/bin/bash
# End-to-end tests in a real VS Code (code-server from npm, driven by playwright-core + Debian Chromium), offline:
#   1. build + package the VSIX (`npm run package`)
#   2. the mocha suite in test/e2e/suite runs inside code-server's extension host (extension from this checkout)
#   3. the comment grammar tokenized with VS Code's own JS/TS grammars (vscode-textmate, from code-server)
#   4. a UI smoke test installs the packaged VSIX and clicks through squiggle → Problems → hover → quick fix
#   5. the data-flow map UI test (same code-server): Data Flows view, badge, grouping, the map webview in Chromium,
#      on a copy of test/e2e/workspace-hostile with a file named `<img src=x onerror=alert(1)>.ts`
# Needs test/e2e/setup.sh (npm run test:e2e:setup) once. Results and screenshots: test-results/e2e/.
# Exit code: 0 all passed, 1 a test failed, 2 the harness could not run.
set -uo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$REPO/test/e2e"
TOOLS=$(realpath -m "${PHI_GUARD_E2E_TOOLS:-$REPO/.e2e-tools}")
OUT="$REPO/test-results/e2e"
VSIX="$OUT/phi-guard.vsix"
STARTED=$(date +%s); lap(){ echo "[e2e +$(( $(date +%s)-STARTED ))s] $*"; }

if [ ! -x "$TOOLS/node24/bin/node" ] || [ ! -d "$TOOLS/pw/node_modules/playwright-core" ]; then
  echo "e2e tools missing in $TOOLS: run 'npm run test:e2e:setup' (test/e2e/setup.sh) first."; exit 2
fi
export PW_CORE="$TOOLS/pw/node_modules/playwright-core"
RUN=$(mktemp -d -t phi-guard-e2e-XXXXXX)
stop_code_server(){ [ -f "$1/cs.pgid" ] && kill -- "-$(cat "$1/cs.pgid")" 2>/dev/null; rm -f "$1/cs.pgid"; }
cleanup(){ stop_code_server "$RUN/api"; stop_code_server "$RUN/ui"; rm -rf "$RUN"; }
trap cleanup EXIT
free_port(){ node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
# code-server in its own process group (setsid) so that stopping it also stops its extension host.
start_code_server(){ setsid "$HERE/startCodeServer.sh" "$TOOLS" "$@"; }

SKIPPED_BUILTINS=vscode.typescript-language-features,vscode.git,vscode.git-base,vscode.github,vscode.github-authentication
rm -rf "$OUT"; mkdir -p "$OUT"
cd "$REPO" || exit 2
npm run --silent package -- --out "$VSIX" > "$OUT/package.log" 2>&1 || { cat "$OUT/package.log"; echo "packaging failed"; exit 2; }
lap "packaged $(basename "$VSIX"): $(du -k "$VSIX" | cut -f1) KB"
node "$HERE/build.js" || { echo "building the e2e suite failed"; exit 2; }

rc=0
node "$HERE/grammarColorization.js" "$TOOLS" > "$OUT/grammar.log" 2>&1 || rc=1
lap "grammar colorization: $(tail -1 "$OUT/grammar.log")"

PORT=$(free_port)
# The built-in TypeScript and Git extensions stay off here: they share the extension host's thread, and
# largeFileResponsiveness.test.ts measures how long PHI Guard alone holds that thread.
VSCODE_SKIP_BUILTIN_EXTENSIONS="$SKIPPED_BUILTINS" start_code_server "$PORT" "$RUN/api" --vscode-option enable-smoke-test-driver || exit 2
lap "code-server (extension-host tests) on 127.0.0.1:$PORT"
node "$HERE/runHostTests.js" "http://127.0.0.1:$PORT" "$REPO" "$REPO/out/e2e/suite/index.js" "$HERE/workspace" "$OUT/extension-host" || rc=1
cp "$RUN/api/code-server.log" "$OUT/extension-host/" 2>/dev/null
cp -r "$RUN/api/user/logs" "$OUT/extension-host/vscode-logs" 2>/dev/null
stop_code_server "$RUN/api"

PORT=$(free_port)
VSIX="$VSIX" start_code_server "$PORT" "$RUN/ui" || exit 2
lap "code-server (UI smoke, VSIX installed) on 127.0.0.1:$PORT"
node "$HERE/uiSmoke.js" "http://127.0.0.1:$PORT" "$HERE/workspace/clinic-app" "$OUT/ui" || rc=1
lap "UI smoke done"
node "$HERE/dataFlowMapUi.js" "http://127.0.0.1:$PORT" "$HERE/workspace-hostile" "$OUT/data-flow-map" || rc=1
lap "data-flow map UI done"
stop_code_server "$RUN/ui"

lap "E2E $([ $rc -eq 0 ] && echo PASSED || echo FAILED); screenshots and logs in test-results/e2e/"
exit $rc

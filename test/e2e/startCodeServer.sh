#!/bin/bash
# Starts code-server on loopback with fresh user-data/extensions dirs under RUNDIR, writes RUNDIR/cs.pgid and
# waits until it answers. Usage: [VSIX=file.vsix] startCodeServer.sh <TOOLS> <PORT> <RUNDIR> [code-server args…]
set -euo pipefail
TOOLS=$(realpath "$1"); PORT=$2; RUN=$(realpath -m "$3"); shift 3
rm -rf "$RUN"; mkdir -p "$RUN"/{user/User,extensions,xdg}
cat > "$RUN/user/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "workbench.enableExperiments": false,
  "chat.disableAIFeatures": true,
  "files.autoSave": "off",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "typescript.validate.enable": false,
  "javascript.validate.enable": false
}
JSON
NODE="$TOOLS/node24/bin/node"; ENTRY="$TOOLS/cs/node_modules/code-server/out/node/entry.js"
# XDG_CONFIG_HOME keeps code-server from writing into the home folder.
export XDG_CONFIG_HOME="$RUN/xdg"
if [ -n "${VSIX:-}" ]; then
  "$NODE" "$ENTRY" --user-data-dir "$RUN/user" --extensions-dir "$RUN/extensions" --install-extension "$VSIX" > "$RUN/install.log" 2>&1 \
    || { cat "$RUN/install.log"; exit 1; }
fi
nohup "$NODE" "$ENTRY" --bind-addr "127.0.0.1:$PORT" --auth none --user-data-dir "$RUN/user" --extensions-dir "$RUN/extensions" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  "$@" > "$RUN/code-server.log" 2>&1 &
# The process group (started by setsid in run.sh) holds code-server, its server child and the extension host.
ps -o pgid= -p $! | tr -d ' ' > "$RUN/cs.pgid"
for _ in $(seq 1 240); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && exit 0
  sleep 0.25
done
echo "code-server did not come up on port $PORT; its log:"; cat "$RUN/code-server.log"; exit 1

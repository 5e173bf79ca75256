import { isJsonObject } from '../text/jsonObject';

/**
 * Installed versions by package name, for the inventory's vendor table: exact versions from package-lock.json
 * (lockfile v1, v2 and v3), else the ranges declared in package.json. Both are parsed as JSON, never executed.
 */
export function packageVersions(packageJsonText: string | undefined, lockText: string | undefined): Record<string, string> {
  const versions: Record<string, string> = {};
  const manifest = parseObject(packageJsonText);
  for (const section of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    const entries = manifest?.[section];
    if (!isJsonObject(entries)) continue;
    for (const [name, range] of Object.entries(entries)) if (typeof range === 'string' && !Object.hasOwn(versions, name)) versions[name] = range;
  }
  const lock = parseObject(lockText);
  const packages = lock?.packages;
  if (isJsonObject(packages)) {
    for (const [key, entry] of Object.entries(packages)) {
      const name = key.match(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)$/)?.[1];
      // The top-level install wins over nested copies.
      if (name && isJsonObject(entry) && typeof entry.version === 'string' && key === `node_modules/${name}`) versions[name] = entry.version;
    }
  } else if (isJsonObject(lock?.dependencies)) {
    for (const [name, entry] of Object.entries(lock.dependencies)) if (isJsonObject(entry) && typeof entry.version === 'string') versions[name] = entry.version;
  }
  return versions;
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

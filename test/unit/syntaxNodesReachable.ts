/**
 * Paths from `root` to TypeScript syntax nodes in its object graph (own properties, Map keys and values, Set members;
 * closures cannot be walked). A long-lived cache that reaches one keeps that file's whole tree alive: results must
 * be plain data (offsets, not nodes).
 */
export function syntaxNodesReachable(root: unknown, limit = 5): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  while (stack.length && found.length < limit) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (isSyntaxNode(value)) {
      found.push(path || '(root)');
      continue;
    }
    if (value instanceof Map) {
      for (const [key, item] of value) stack.push({ value: key, path: `${path}<key>` }, { value: item, path: `${path}.get(${String(key)})` });
    } else if (value instanceof Set) {
      for (const item of value) stack.push({ value: item, path: `${path}<member>` });
    } else {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: `${path}.${key}` });
    }
  }
  return found;
}

/** What every TypeScript node (tokens, identifiers, source files) carries from its constructor. */
function isSyntaxNode(value: object): boolean {
  const node = value as Record<string, unknown>;
  return typeof node.kind === 'number' && typeof node.pos === 'number' && typeof node.end === 'number' && typeof node.flags === 'number' && typeof node.transformFlags === 'number';
}

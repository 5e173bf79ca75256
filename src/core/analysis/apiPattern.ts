/**
 * Access-path patterns of the sink and sanitizer catalogs (see SinkEntry.paths), compiled to
 * matchers over ApiRef paths. A path is a list of segments: export or property names, `()` for a
 * call result, `new()` for a constructed instance, `$argN` for a callback's N-th parameter.
 */

type Element =
  | { readonly kind: 'choice'; readonly options: readonly (readonly string[])[] }
  | { readonly kind: 'any' }
  | { readonly kind: 'anyMany' };

export type CompiledApiPattern = readonly Element[];

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '{' || ch === '(') depth++;
    if (ch === '}' || ch === ')') depth--;
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

export function compileApiPattern(pattern: string): CompiledApiPattern {
  const elements: Element[] = [];
  for (let token of splitTopLevel(pattern.trim(), '.')) {
    token = token.trim();
    if (!token) throw new Error(`Empty segment in API pattern '${pattern}'`);
    let constructed = false;
    if (token.startsWith('new ')) {
      constructed = true;
      token = token.slice(4).trim();
    }
    let calls = 0;
    while (token.endsWith('()')) {
      calls++;
      token = token.slice(0, -2);
    }
    if (token === '**') elements.push({ kind: 'anyMany' });
    else if (token === '*') elements.push({ kind: 'any' });
    else if (token.startsWith('{') && token.endsWith('}')) {
      const options = splitTopLevel(token.slice(1, -1), ',').map((o) => o.trim().split('.'));
      elements.push({ kind: 'choice', options });
    } else if (token) elements.push({ kind: 'choice', options: [[token]] });
    if (constructed) {
      if (calls === 0) throw new Error(`'new' needs '()' in API pattern '${pattern}'`);
      calls--;
      elements.push({ kind: 'choice', options: [['new()']] });
    }
    for (let i = 0; i < calls; i++) elements.push({ kind: 'choice', options: [['()']] });
  }
  return elements;
}

export function matchesApiPattern(pattern: CompiledApiPattern, path: readonly string[]): boolean {
  return matchFrom(pattern, 0, path, 0);
}

function matchFrom(pattern: CompiledApiPattern, pi: number, path: readonly string[], si: number): boolean {
  if (pi === pattern.length) return si === path.length;
  const element = pattern[pi]!;
  switch (element.kind) {
    case 'any':
      return si < path.length && !path[si]!.endsWith('()') && matchFrom(pattern, pi + 1, path, si + 1);
    case 'anyMany':
      for (let k = si; k <= path.length; k++) if (matchFrom(pattern, pi + 1, path, k)) return true;
      return false;
    case 'choice':
      for (const option of element.options) {
        if (si + option.length > path.length) continue;
        let ok = true;
        for (let j = 0; j < option.length; j++) {
          if (path[si + j] !== option[j]) {
            ok = false;
            break;
          }
        }
        if (ok && matchFrom(pattern, pi + 1, path, si + option.length)) return true;
      }
      return false;
  }
}

/** `@langchain/*` matches `@langchain/openai`; `node:fs` and `fs` are the same module. */
export function normalizeModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

export function moduleMatches(patterns: readonly string[], module: string): boolean {
  for (const p of patterns) {
    const pattern = normalizeModule(p);
    if (pattern === module) return true;
    if (pattern.endsWith('/*') && module.startsWith(pattern.slice(0, -1))) return true;
  }
  return false;
}

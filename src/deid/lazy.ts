/**
 * A value built on first use. Module-level patterns are built this way so that a bundler can drop the modules a
 * caller does not use: a top-level `new RegExp(\`…${x}…\`)` counts as a side effect, an unused `lazy(() => …)`
 * marked pure does not.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

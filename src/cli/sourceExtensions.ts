/**
 * The extensions PHI Guard analyses; anything else is never collected. A module of its own, free of imports: the entry
 * point reads it before anything loads TypeScript (see main.ts).
 */
export const SOURCE_EXTENSIONS: readonly string[] = ['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.mts', '.cts'];

import type ts from 'typescript';
import type { PhiCategoryId } from '../catalog/phiCategories';
import { isPhiCategoryId } from '../catalog/phiCategories';
import { settlerOf } from './laggingNodes';
import { getLeadingCommentRanges, getTrailingCommentRanges } from './syntax';

/** `@phi`, optionally with a category: `/** @phi mrn *\/`, `// @phi`. */
const PHI_TAG = /@phi\b(?:\s+([a-z-]+))?/;

/** A `@phi` tag on a declaration; `category` when the tag names a known one. */
export interface PhiTag {
  readonly category: PhiCategoryId | undefined;
}

/**
 * Reads the `@phi` tag on a node of `sourceFile`: in a comment before it, or trailing the previous token on the same
 * line (TypeScript counts that as the previous token's). Most files have no `@phi` at all: then no comment is read.
 */
export function phiTagReader(sourceFile: ts.SourceFile): (node: ts.Node) => PhiTag | undefined {
  const text = sourceFile.text;
  if (!text.includes('@phi')) return () => undefined;
  const settle = settlerOf(sourceFile);
  return (node) => {
    settle?.(node);
    const ranges = [...(getTrailingCommentRanges(text, node.pos) ?? []), ...(getLeadingCommentRanges(text, node.pos) ?? [])];
    for (const range of ranges) {
      const match = PHI_TAG.exec(text.slice(range.pos, range.end));
      if (match) return { category: isPhiCategoryId(match[1]) ? match[1] : undefined };
    }
    return undefined;
  };
}

import type ts from 'typescript';
import { phiCategory } from '../catalog/phiCategories';
import type { PhiCategoryId } from '../catalog/phiCategories';
import { Kind } from './syntax';

/**
 * A type only values written out in the code have (`'success' | 'failed' | 'skipped'`, `boolean`, `0 | 1`): a variable
 * of it never holds one of Safe Harbor's identifiers, whatever its name (`let emailOutcome: 'success' | 'failed'`),
 * though it may hold a clinical fact (`hivStatus: 'positive' | 'negative'`).
 */
export function admitsOnlyLiterals(type: ts.TypeNode | undefined, depth = 0): boolean {
  if (!type || depth > 8) return false;
  switch (type.kind) {
    case Kind.LiteralType:
    case Kind.BooleanKeyword:
    case Kind.UndefinedKeyword:
      return true;
    case Kind.ParenthesizedType:
      return admitsOnlyLiterals((type as ts.ParenthesizedTypeNode).type, depth + 1);
    case Kind.UnionType:
      return (type as ts.UnionTypeNode).types.every((member) => admitsOnlyLiterals(member, depth + 1));
    default:
      return false;
  }
}

/** The clinical categories among `categories`: what a value of such a type can be (see admitsOnlyLiterals). */
export function clinicalOnly(categories: readonly PhiCategoryId[]): PhiCategoryId[] {
  return categories.filter((id) => !phiCategory(id).safeHarbor);
}

import { isPhiCategoryId } from '../catalog/phiCategories';
import type { PhiCategoryId } from '../catalog/phiCategories';
import type { NameClassifier } from '../analysis/sources';

/** A Prisma model and which of its fields are PHI (`/// @phi [category]` doc comments, or names that say so). */
export interface PrismaModel {
  readonly name: string;
  readonly fields: ReadonlyMap<string, readonly PhiCategoryId[]>;
}

/**
 * Reads the models of a `schema.prisma`. A field is PHI when a `/// @phi` doc comment (on the lines above it or at
 * its end) says so, optionally with a category (`/// @phi diagnosis`), or when its name classifies as PHI.
 */
export function parsePrismaSchema(text: string, names: NameClassifier): PrismaModel[] {
  const models: PrismaModel[] = [];
  const modelPattern = /^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm;
  for (const match of text.matchAll(modelPattern)) {
    const fields = new Map<string, readonly PhiCategoryId[]>();
    let pendingTag: PhiCategoryId | 'untyped' | undefined;
    for (const line of match[2]!.split('\n')) {
      const trimmed = line.trim();
      const tag = /\/\/\/\s*@phi\b\s*([a-z-]+)?/.exec(trimmed);
      if (trimmed.startsWith('///')) {
        if (tag) pendingTag = tag[1] && isPhiCategoryId(tag[1]) ? tag[1] : 'untyped';
        continue;
      }
      const field = /^(\w+)\s+\w/.exec(trimmed);
      if (!field || trimmed.startsWith('@@')) continue;
      const name = field[1]!;
      const own = tag ? (tag[1] && isPhiCategoryId(tag[1]) ? tag[1] : 'untyped') : pendingTag;
      pendingTag = undefined;
      if (own) fields.set(name, [own === 'untyped' ? names.classify(name, [match[1]!.toLowerCase()])?.categories[0] ?? 'other-id' : own]);
      else {
        const verdict = names.classify(name, [match[1]!.toLowerCase()]);
        if (verdict && !verdict.record) fields.set(name, verdict.categories);
      }
    }
    models.push({ name: match[1]!, fields });
  }
  return models;
}

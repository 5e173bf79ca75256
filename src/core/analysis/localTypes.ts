import type ts from 'typescript';
import {
  forEachChild, isArrayTypeNode, isClassDeclaration, isIdentifier,
  isInterfaceDeclaration, isModuleBlock, isModuleDeclaration, isPropertyDeclaration, isPropertySignature, isSourceFile,
  isStringLiteral, isTypeAliasDeclaration, isTypeLiteralNode, isTypeReferenceNode, isUnionTypeNode
} from './syntax';
import type { PhiCategoryId } from '../catalog/phiCategories';
import { splitWords } from '../names/splitWords';
import type { NameClassifier } from './sources';
import { phiTagReader } from './phiTags';
import { admitsOnlyLiterals, clinicalOnly } from './literalTypes';

/** An interface, type literal alias or class declared in the file, and which of its fields are PHI. */
export interface LocalType {
  readonly name: string;
  /** Field → categories, for fields that are PHI (by name, `@phi` tag or PHI type). */
  readonly fields: ReadonlyMap<string, readonly PhiCategoryId[]>;
  /** Field → type annotation, for fields typed with another local PHI type. */
  readonly nestedTypes: ReadonlyMap<string, ts.TypeNode>;
  /** Field → the name (in the analysis's types) of an imported type's field type (see ExportedType.nested). */
  readonly nestedTypeNames?: ReadonlyMap<string, string>;
  /** Union of its fields' categories (empty: not a PHI type). */
  readonly categories: readonly PhiCategoryId[];
  readonly tagged: boolean;
  /** A definition or configuration type (see DEFINITION_TYPE_WORDS): its fields are not read as PHI by their names. */
  readonly definition?: boolean;
}

export function typeRefName(type: ts.TypeNode | undefined): string | undefined {
  if (!type) return undefined;
  if (isArrayTypeNode(type)) return typeRefName(type.elementType);
  if (isUnionTypeNode(type)) return type.types.map(typeRefName).find(Boolean);
  if (isTypeReferenceNode(type)) {
    const n = type.typeName;
    const last = isIdentifier(n) ? n.text : n.right.text;
    if ((last === 'Array' || last === 'Promise') && type.typeArguments?.[0]) return typeRefName(type.typeArguments[0]);
    return last;
  }
  return undefined;
}

/** Words in a type's name that make it a definition or configuration, not a record (see collectLocalTypes). Not
 * `settings` or `template`: a patient's notification settings hold their email, a template's data their name. */
const DEFINITION_TYPE_WORDS: ReadonlySet<string> = new Set(['definition', 'definitions', 'config', 'configuration', 'catalog']);

/** Collects the file's own types whose fields are PHI, so `visit: Visit` makes `visit.reason` PHI only if `reason` is. */
export function collectLocalTypes(sourceFile: ts.SourceFile, names: NameClassifier): Map<string, LocalType> {
  const declared: { name: string; node: ts.Node; members: readonly ts.Node[] }[] = [];
  const visit = (node: ts.Node): void => {
    if (isInterfaceDeclaration(node)) declared.push({ name: node.name.text, node, members: node.members });
    else if (isTypeAliasDeclaration(node) && isTypeLiteralNode(node.type)) declared.push({ name: node.name.text, node, members: node.type.members });
    else if (isClassDeclaration(node) && node.name) declared.push({ name: node.name.text, node, members: node.members });
    if (isSourceFile(node) || isModuleBlock(node) || isModuleDeclaration(node)) forEachChild(node, visit);
  };
  visit(sourceFile);

  const tagOf = phiTagReader(sourceFile);
  const result = new Map<string, LocalType>();
  // Two rounds so a type that nests another PHI type (`Visit { patient: PatientInfo }`) is PHI too.
  for (let round = 0; round < 2; round++) {
    for (const { name, node, members } of declared) {
      const typeTag = tagOf(node);
      const context = splitWords(name);
      const describesDefinitions = context.some((word) => DEFINITION_TYPE_WORDS.has(word.toLowerCase()));
      const fields = new Map<string, readonly PhiCategoryId[]>();
      const nestedTypes = new Map<string, ts.TypeNode>();
      for (const member of members) {
        if (!(isPropertySignature(member) || isPropertyDeclaration(member)) || !member.name) continue;
        const key = isIdentifier(member.name) || isStringLiteral(member.name) ? member.name.text : undefined;
        if (!key) continue;
        const tag = tagOf(member);
        if (tag) {
          fields.set(key, [tag.category ?? 'other-id']);
          continue;
        }
        const nestedName = typeRefName(member.type);
        const nested = nestedName ? result.get(nestedName) ?? undefined : undefined;
        const nestedCategories = nested?.categories.length ? nested.categories : nestedName ? names.typeCategories(nestedName) : undefined;
        if (nestedCategories?.length) {
          fields.set(key, nestedCategories);
          if (nested && member.type) nestedTypes.set(key, member.type);
          continue;
        }
        // A definition or configuration type (`LabItemDefinition { cptCode, note }`, `MailerConfig { email }`) describes
        // what records look like or how the system runs, not a patient: its field names say nothing (tags still do).
        if (describesDefinitions) continue;
        const verdict = names.classify(key, context);
        // `emailOutcome: 'sent' | 'failed'` holds an outcome, not an address (see admitsOnlyLiterals).
        const categories = verdict && !verdict.fromConfig && admitsOnlyLiterals(member.type) ? clinicalOnly(verdict.categories) : verdict?.categories;
        if (categories?.length) fields.set(key, categories);
      }
      let categories = [...new Set([...fields.values()].flat())];
      if (typeTag && categories.length === 0) categories = [typeTag.category ?? 'other-id'];
      result.set(name, { name, fields, nestedTypes, categories, tagged: !!typeTag, ...(describesDefinitions ? { definition: true } : {}) });
    }
  }
  return result;
}

/** Whether two collections of the file's PHI types say the same of every type (a nested type by its very node). */
export function sameLocalTypes(a: ReadonlyMap<string, LocalType>, b: ReadonlyMap<string, LocalType>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, x] of a) {
    const y = b.get(name);
    if (!y || x.tagged !== y.tagged || !!x.definition !== !!y.definition || x.categories.join() !== y.categories.join() || x.fields.size !== y.fields.size || x.nestedTypes.size !== y.nestedTypes.size) return false;
    for (const [key, categories] of x.fields) if (y.fields.get(key)?.join() !== categories.join()) return false;
    for (const [key, type] of x.nestedTypes) if (y.nestedTypes.get(key) !== type) return false;
  }
  return true;
}

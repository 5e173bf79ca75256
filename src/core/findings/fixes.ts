import ts from '../typescriptCompiler';
import type { PhiGuardConfig } from '../config/config';
import type { PhiCategoryId } from '../catalog/phiCategories';
import type { FixSuggestion, SinkCategory, TextEdit, TextRange } from './finding';
import { settlerOf } from '../analysis/laggingNodes';

/**
 * The suggestion every finding carries: wrap the flowing value in the configured de-identification
 * call and import it. The import is merged into an existing import of the module, or added after the
 * last import (a `require` in CommonJS files).
 */
export function deidentifyFix(
  sourceFile: ts.SourceFile, carrier: TextRange, config: PhiGuardConfig, category: SinkCategory, phi: { categories: readonly PhiCategoryId[]; record: boolean },
): FixSuggestion {
  const { module, function: fn } = config.deidentify;
  const text = sourceFile.text;
  const value = text.slice(carrier.start, carrier.end);
  // A lone value (`patient.firstName`) says nothing about what it is once it is a string: the runtime is told.
  // Objects are classified field by field; other de-identification functions get no options they may not take.
  const hint = module === 'phi-guard/deid' && fn === 'deidentify' && !phi.record && phi.categories.length === 1 && isLoneValue(sourceFile, carrier)
    ? `, { category: '${phi.categories[0]}' }` : '';
  const edits: TextEdit[] = [{ range: carrier, newText: `${fn}(${value}${hint})` }];
  const importEdit = cachedImportEdit(sourceFile, module, fn);
  if (importEdit) edits.push(importEdit);
  const title = category === 'log' ? `De-identify before logging: wrap in ${fn}()` : `De-identify with ${fn}() from '${module}'`;
  return { kind: 'deidentify', title, edits };
}

/** The import edit `deidentifyFix` adds in this file (none when the function is imported already). */
export function deidentifyImportEdit(sourceFile: ts.SourceFile, config: PhiGuardConfig): TextEdit | undefined {
  return cachedImportEdit(sourceFile, config.deidentify.module, config.deidentify.function);
}

/** A property read or a variable: not a template, object or call whose text mixes other content. */
function isLoneValue(sourceFile: ts.SourceFile, range: TextRange): boolean {
  return /^[A-Za-z_$][\w$]*(\??\.[A-Za-z_$][\w$]*|\[\d+\])*$/.test(sourceFile.text.slice(range.start, range.end));
}

const importEdits = new WeakMap<ts.SourceFile, Map<string, TextEdit | null>>();

/** The import edit is the same for every finding of a file: computed once (files with hundreds of findings). */
function cachedImportEdit(sourceFile: ts.SourceFile, module: string, fn: string): TextEdit | undefined {
  let byKey = importEdits.get(sourceFile);
  if (!byKey) importEdits.set(sourceFile, (byKey = new Map()));
  const key = `${module}\0${fn}`;
  if (!byKey.has(key)) byKey.set(key, importEditFor(sourceFile, module, fn) ?? null);
  return byKey.get(key) ?? undefined;
}

function importEditFor(sourceFile: ts.SourceFile, module: string, fn: string): TextEdit | undefined {
  let lastImportEnd = -1;
  let usesRequire = false;
  let usesImport = false;
  const settle = settlerOf(sourceFile);
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      settle?.(statement);
      usesImport = true;
      lastImportEnd = statement.getEnd();
      const clause = statement.importClause;
      if (ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === module && clause && !clause.isTypeOnly) {
        const named = clause.namedBindings;
        if (named && ts.isNamedImports(named)) {
          if (named.elements.some((e) => e.name.text === fn)) return undefined;
          const last = named.elements[named.elements.length - 1];
          if (last) return { range: { start: last.getEnd(), end: last.getEnd() }, newText: `, ${fn}` };
        }
      }
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.some((e) => e.name.text === fn)) return undefined;
    } else if (ts.isVariableStatement(statement) && statement.getText(sourceFile).includes('require(')) {
      usesRequire = true;
      if (statement.getText(sourceFile).includes(`require('${module}')`) && new RegExp(`\\b${fn}\\b`).test(statement.getText(sourceFile))) return undefined;
      if (!usesImport) lastImportEnd = Math.max(lastImportEnd, statement.getEnd());
    }
  }
  const eol = sourceFile.text.includes('\r\n') ? '\r\n' : '\n';
  const quote = detectQuote(sourceFile);
  const line = usesRequire && !usesImport ? `const { ${fn} } = require(${quote}${module}${quote});` : `import { ${fn} } from ${quote}${module}${quote};`;
  if (lastImportEnd >= 0) return { range: { start: lastImportEnd, end: lastImportEnd }, newText: `${eol}${line}` };
  const insertAt = prologueEnd(sourceFile);
  return { range: { start: insertAt, end: insertAt }, newText: insertAt === 0 ? `${line}${eol}` : `${eol}${line}${eol}` };
}

function detectQuote(sourceFile: ts.SourceFile): string {
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) return sourceFile.text[settledStart(sourceFile, statement.moduleSpecifier)] === '"' ? '"' : "'";
  }
  return "'";
}

function settledStart(sourceFile: ts.SourceFile, node: ts.Node): number {
  settlerOf(sourceFile)?.(node);
  return node.getStart(sourceFile);
}

/** After a shebang and 'use strict' / 'use client' directives, which must stay first. */
function prologueEnd(sourceFile: ts.SourceFile): number {
  let end = 0;
  const text = sourceFile.text;
  if (text.startsWith('#!')) end = text.indexOf('\n') + 1 || text.length;
  for (const statement of sourceFile.statements) {
    if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) end = statement.getEnd();
    else break;
  }
  return end;
}

import ts from '../typescriptCompiler';
import { MODEL_PROVIDERS, modelProviderOf, type ModelProviderEntry } from '../catalog/modelProviders';

export interface ModelProviderImport {
  readonly entry: ModelProviderEntry;
  readonly module: string;
  /** Offset of the module specifier in the text. */
  readonly offset: number;
}

const ANY_PROVIDER_MODULE = new RegExp(MODEL_PROVIDERS.flatMap((entry) => entry.modules).map((module) => module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'));

/**
 * The model providers a file imports (`import`, `export … from`, `require`, `import()`), in order. Read with
 * TypeScript's import pre-scan, so an import inside a comment or a string is not one; only files that name a provider
 * package at all are scanned.
 */
export function modelProviderImports(text: string): ModelProviderImport[] {
  if (!ANY_PROVIDER_MODULE.test(text)) return [];
  const found: ModelProviderImport[] = [];
  for (const reference of ts.preProcessFile(text, /* readImportFiles */ true, /* detectJavaScriptImports */ true).importedFiles) {
    const entry = modelProviderOf(reference.fileName);
    if (entry) found.push({ entry, module: reference.fileName, offset: reference.pos });
  }
  return found;
}

/**
 * The engine picks JS/JSX/TS/TSX parsing from the file name's extension. Untitled documents and files with an
 * unusual extension get one that matches their VS Code language.
 */
const EXTENSION_BY_LANGUAGE: Readonly<Record<string, string>> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};

export const SUPPORTED_LANGUAGES: readonly string[] = Object.keys(EXTENSION_BY_LANGUAGE);

const KNOWN_EXTENSIONS = /\.(?:js|jsx|ts|tsx|mjs|cjs|mts|cts)$/i;

export function analysisFileName(fileName: string, languageId: string): string {
  if (KNOWN_EXTENSIONS.test(fileName)) return fileName;
  return `${fileName}${EXTENSION_BY_LANGUAGE[languageId] ?? '.ts'}`;
}

/**
 * PHI Guard engine: the one public entry point the adapters (ESLint plugin, CLI, VS Code extension) use.
 * Pure analysis: never imports `vscode` or `eslint` (enforced by the `no-restricted-imports` lint rule).
 */
export * from './catalog/phiCategories';
export * from './findings/finding';
export { flowSink } from './findings/flowSink';
export * from './config/config';
export { analyzeSource, isSuppressedAt } from './analysis/analyzeSource';
export { parseFile } from './analysis/parse';
export type { AnalyzeOptions, AnalysisResult, SkipNotice, ParseProblem } from './analysis/analyzeSource';
export type { SinkSite } from './analysis/interpreter';
export { IncrementalParser } from './analysis/incrementalParser';
export { changeRange } from './analysis/changeRange';
export type { SourceParser } from './analysis/incrementalParser';
export { AnalysisMemory } from './analysis/analysisMemory';
export { movedEnd, movedStart, textShiftOf } from './analysis/positionShift';
export type { TextShift } from './analysis/positionShift';
export { classifyName } from './names/classifyName';
export { splitWords } from './names/splitWords';
export { maskLiterals, maskValue } from './text/mask';
export { parseConfigText, mergeConfigObject, configJsonSchema, CONFIG_KEYS } from './config/validateConfig';
export type { ConfigProblem } from './config/validateConfig';
export { buildInventory } from './inventory/inventory';
export type { Inventory, InventoryFileInput, InventoryFlowInput, InventoryVendor, InventorySink, InventorySite, InventorySuppression, InventoryOptions } from './inventory/inventory';
export { inventoryMarkdown, inventoryMermaid } from './inventory/renderInventory';
export { inventoryInput } from './inventory/inventoryInput';
export { policyExceptions } from './inventory/policyExceptions';
export type { PolicyExceptions } from './inventory/policyExceptions';
export { LineIndex } from './text/lineIndex';
export { withoutByteOrderMark } from './text/byteOrderMark';
export { ConfigResolver, findConfigFile, isFileIncluded, loadConfigFile } from './config/loadConfig';
export type { LoadedConfig } from './config/loadConfig';
export { ProjectAnalyzer } from './project/projectAnalyzer';
export type { SharedAnalysis } from './project/projectAnalyzer';
export type { PersistedAnalyses, RestoreOutcome } from './project/persistedAnalyses';
export { ModuleResolver } from './project/moduleResolver';
export type { FolderListing, ProjectHost } from './project/moduleResolver';
export { nodeProjectHost } from './project/nodeHost';
export type { ModuleSummary, ExportedSymbol, ImportResolver } from './project/moduleSummary';
export { summaryFingerprint } from './project/moduleSummary';

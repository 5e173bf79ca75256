import type { PhiCategoryId } from '../catalog/phiCategories';

/** The four kinds of place PHI must not reach; each has one ESLint rule. */
export type SinkCategory = 'ai' | 'log' | 'storage' | 'url';

export type RuleId = 'no-phi-to-ai' | 'no-phi-in-logs' | 'no-unencrypted-phi-storage' | 'no-phi-in-url';

export const RULE_BY_CATEGORY: Readonly<Record<SinkCategory, RuleId>> = {
  ai: 'no-phi-to-ai',
  log: 'no-phi-in-logs',
  storage: 'no-unencrypted-phi-storage',
  url: 'no-phi-in-url',
};

export const RULE_IDS: readonly RuleId[] = Object.values(RULE_BY_CATEGORY);

/**
 * Whether a finding's only PHI is a record key (an internal patient id, Safe Harbor (R)): a project may treat those as
 * opaque references at a rule's sinks (`allowedCategories`), so the message and the editor say how.
 */
export function carriesRecordKeyOnly(categories: readonly PhiCategoryId[]): boolean {
  return categories.length === 1 && categories[0] === 'other-id';
}

/** A half-open range of UTF-16 offsets into the analysed text. Offsets are the engine's only position unit;
 * adapters convert them (ESLint: sourceCode.getLocFromIndex, VS Code: document.positionAt). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** 1-based line, 1-based column (ESLint/SARIF convention), for output that is not an editor. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** Why the engine believes a value is PHI. */
export type SourceReason =
  | { readonly kind: 'name'; readonly name: string; readonly words: readonly string[] }
  | { readonly kind: 'type'; readonly typeName: string }
  | { readonly kind: 'phi-tag'; readonly name: string }
  | { readonly kind: 'fhir-read'; readonly resourceType: string; readonly api: string }
  | { readonly kind: 'config'; readonly name: string }
  | { readonly kind: 'literal'; readonly detector: string };

export type FlowStepKind = 'source' | 'assignment' | 'parameter' | 'return' | 'property' | 'call' | 'ai-response' | 'sink';

export interface FlowStep {
  readonly kind: FlowStepKind;
  /** File of the step; absent means the analysed file. */
  readonly file?: string;
  readonly range: TextRange;
  /** 1-based position, set for steps in another file (whose text the adapter may not have). */
  readonly position?: LineColumn;
  readonly note: string;
}

export interface SinkDescriptor {
  /** Catalog entry id, e.g. `openai.chat.completions.create`. */
  readonly id: string;
  readonly category: SinkCategory;
  /** npm package (or `<global>` / `node:fs`), e.g. `openai`. */
  readonly package: string;
  /** The API as users write it, e.g. `chat.completions.create`. */
  readonly api: string;
  /** Vendor or product, e.g. `OpenAI`, `Console`, `Web Storage`. */
  readonly vendor: string;
  /** The module the code imported it from (`@langchain/anthropic` for the `@langchain/*` entry); `<global>` for globals. */
  readonly module?: string;
}

export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

export interface FixSuggestion {
  readonly kind: 'deidentify' | 'encrypt';
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  readonly rule: RuleId;
  readonly category: SinkCategory;
  readonly sink: SinkDescriptor;
  readonly phiCategories: readonly PhiCategoryId[];
  readonly reasons: readonly SourceReason[];
  /** The value that carries PHI into the sink (the argument or property value). */
  readonly range: TextRange;
  /** The sink call itself (inside the called function when a parameter is forwarded to a sink). */
  readonly sinkRange: TextRange;
  /** Source text of the flowing value, literals masked, shortened. */
  readonly expression: string;
  readonly message: string;
  /** From source to sink; the last step is the sink. */
  readonly flow: readonly FlowStep[];
  readonly fixes: readonly FixSuggestion[];
}

/** A `phi-guard-allow` comment that is malformed (no reason, unknown rule, expired). */
export interface SuppressionProblem {
  readonly rule: RuleId | undefined;
  readonly range: TextRange;
  readonly message: string;
}

/** A finding silenced by a valid suppression, kept for the inventory. */
export interface SuppressedFinding {
  readonly finding: Finding;
  readonly reason: string;
  readonly commentRange: TextRange;
  /** The file of the comment when it is another one: a sink reviewed in the module the flow ends in. */
  readonly commentFile?: string;
  /** With `commentFile`: the comment's 1-based position there (the adapter may not have that file's text). */
  readonly commentPosition?: LineColumn;
}

/** A sink a `phi-guard-allow` comment covers, as callers in other files learn of it: the comment's reason and place. */
export interface SinkReview {
  readonly reason: string;
  readonly file: string;
  readonly range: TextRange;
  /** 1-based, as FlowStep.position. */
  readonly position: LineColumn;
}

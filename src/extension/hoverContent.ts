/**
 * The hover on a flagged value, as trusted Markdown: what PHI it carries, why the engine thinks so, where it goes,
 * what HIPAA says, and one-click actions. Pure, so it is unit-tested without `vscode`.
 */
import { carriesRecordKeyOnly, type Finding, type SourceReason } from '../core/findings/finding';
import { describeCategory, phiCategory } from '../core/catalog/phiCategories';
import { COMMANDS, commandLink } from './commandIds';
import { HIPAA_REFERENCES } from './hipaaReferences';
import { ruleDocUrl } from './ruleDocs';

export interface HoverTarget {
  readonly uri: string;
  readonly version: number;
  readonly findingIndex: number;
}

/** Commands the hover's links may run (VS Code only runs these from this Markdown). */
export const HOVER_COMMANDS: readonly string[] = [COMMANDS.markNotPhi, COMMANDS.allowCategory, COMMANDS.showDataFlow];

export function hoverMarkdown(finding: Finding, target: HoverTarget): string {
  const lines: string[] = [];
  // The engine's message is already on screen (VS Code shows the diagnostic above the hover): add what it lacks.
  lines.push(`**PHI Guard** · [\`${finding.rule}\`](${ruleDocUrl(finding.rule)})`, '');
  lines.push('**PHI categories**', '');
  for (const id of finding.phiCategories) lines.push(`- ${describeCategory(id)}: ${phiCategory(id).description}`);
  if (finding.reasons.length > 0) {
    lines.push('', '**Why this is PHI**', '');
    for (const reason of finding.reasons) lines.push(`- ${describeReason(reason)}`);
  }
  const sink = finding.sink;
  lines.push('', `**Sink:** ${escapeMarkdown(sink.vendor)} ${code(sink.api)} (${code(sink.package)})`);
  lines.push('', `**HIPAA:** ${HIPAA_REFERENCES[finding.category]}`);
  lines.push('', actionLinks(finding, target).join(' · '));
  return lines.join('\n');
}

/**
 * Names a developer may declare "not PHI": identifiers the engine matched by their words. `notPhiNames` holds
 * identifier names, so for a property access (`visit.ssnLength`) it is the property's name.
 */
export function notPhiCandidates(finding: Finding): string[] {
  const names = finding.reasons.flatMap((reason) => (reason.kind === 'name' ? [reason.name.slice(reason.name.lastIndexOf('.') + 1)] : []));
  return [...new Set(names)];
}

function actionLinks(finding: Finding, target: HoverTarget): string[] {
  const links = notPhiCandidates(finding).map(
    (name) => `[Mark ${code(name)} as not PHI](${commandLink(COMMANDS.markNotPhi, [target.uri, name])} "Add to notPhiNames in .phi-guard.json")`,
  );
  if (carriesRecordKeyOnly(finding.phiCategories)) {
    links.push(`[Allow record keys through ${code(finding.rule)}](${commandLink(COMMANDS.allowCategory, [target.uri, finding.rule, 'other-id'])} "Add other-id to allowedCategories in .phi-guard.json")`);
  }
  if (finding.flow.length > 0) {
    links.push(`[Show data flow](${commandLink(COMMANDS.showDataFlow, [target.uri, target.version, target.findingIndex])})`);
  }
  return links;
}

export function describeReason(reason: SourceReason): string {
  switch (reason.kind) {
    case 'name':
      return `the name ${code(reason.name)} contains ${reason.words.map((word) => `"${escapeMarkdown(word)}"`).join(', ')}`;
    case 'type':
      return `its type ${code(reason.typeName)} holds PHI`;
    case 'phi-tag':
      return `${code(reason.name)} is tagged ${code('@phi')}`;
    case 'fhir-read':
      return `it is read from FHIR ${code(reason.resourceType)} (${code(reason.api)})`;
    case 'config':
      return `${code(reason.name)} is declared PHI in ${code('.phi-guard.json')}`;
    case 'literal':
      return `the value looks like ${escapeMarkdown(reason.detector)}`;
  }
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, '\\$&');
}

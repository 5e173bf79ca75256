import { describeCategory } from '../catalog/phiCategories';
import type { PhiCategoryId } from '../catalog/phiCategories';
import { RULE_BY_CATEGORY, carriesRecordKeyOnly } from './finding';
import type { SinkCategory, SinkDescriptor } from './finding';

const WHY: Readonly<Record<SinkCategory, string>> = {
  ai: 'Sending identifiers to an AI vendor discloses PHI outside the covered entity: send only the minimum necessary (45 CFR 164.502(b)) and only to a vendor under a BAA.',
  log: 'Logs and telemetry are copied, shipped and retained outside ePHI access controls (45 CFR 164.312(b), minimum necessary 164.502(b)).',
  storage: 'ePHI at rest must be encrypted (45 CFR 164.312(a)(2)(iv)); this store is not.',
  url: 'URLs end up in server and proxy logs, browser history and Referer headers (45 CFR 164.312(e)(1)).',
};

const WHAT_TO_DO: Readonly<Record<SinkCategory, string>> = {
  ai: 'De-identify it first (`deidentify(...)`), or send only the fields the prompt needs.',
  log: 'Log a de-identified or masked value, or an opaque reference, instead.',
  storage: 'Encrypt it (`encryptField(...)`) or store a de-identified value.',
  url: 'Send it in an encrypted request body instead of the URL.',
};

/**
 * When a record key (an internal patient or visit id) is all the value carries, the generic advice ("log an opaque
 * reference instead") would contradict the finding: say what the key discloses and how a project that treats its
 * internal ids as opaque says so once.
 */
const RECORD_KEY_ONLY: Readonly<Record<SinkCategory, string>> = Object.fromEntries(
  Object.entries(RULE_BY_CATEGORY).map(([category, rule]) => [
    category,
    `A record key ties it to one patient's record, so it belongs only where access to PHI is controlled; if your policy treats these internal ids as opaque references here, allow them in .phi-guard.json: \`"allowedCategories": { "${rule}": ["other-id"] }\`.`,
  ]),
) as Record<SinkCategory, string>;

const VERB: Readonly<Record<SinkCategory, string>> = {
  ai: 'is sent to',
  log: 'is written to',
  storage: 'is stored unencrypted in',
  url: 'is put into a URL by',
};

export function categoryList(categories: readonly PhiCategoryId[]): string {
  return categories.map(describeCategory).join(', ');
}

/** `PHI (Safe Harbor (G) Social Security number) in \`patient.ssn\` is sent to OpenAI chat.completions.create. …` */
export function findingMessage(expression: string, categories: readonly PhiCategoryId[], sink: SinkDescriptor): string {
  const where = sink.package === '<global>' ? `${sink.vendor} \`${sink.api}\`` : `${sink.vendor} \`${sink.api}\` (${sink.package})`;
  // A template literal is quoted rather than wrapped in backticks of its own.
  const shown = expression.includes('`') ? `"${expression}"` : `\`${expression}\``;
  const advice = carriesRecordKeyOnly(categories) ? RECORD_KEY_ONLY[sink.category] : WHAT_TO_DO[sink.category];
  return `PHI (${categoryList(categories)}) in ${shown} ${VERB[sink.category]} ${where}. ${WHY[sink.category]} ${advice}`;
}

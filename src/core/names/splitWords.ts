/**
 * Splits an identifier into lower-case words: camelCase, PascalCase, snake_case, kebab-case,
 * SCREAMING_CASE and digits all give the same words (`patientDOB`, `patient_dob`, `PATIENT-DOB`
 * → `patient`, `dob`). Pure; also used by the browser-side de-identification runtime.
 */
const cache = new Map<string, readonly string[]>();

export function splitWords(identifier: string): string[] {
  const cached = cache.get(identifier);
  if (cached) return cached as string[];
  const words = split(identifier);
  if (cache.size > 100_000) cache.clear();
  cache.set(identifier, words);
  return words;
}

function split(identifier: string): string[] {
  const words: string[] = [];
  for (const chunk of identifier.split(/[^A-Za-z0-9]+/)) {
    if (!chunk) continue;
    // "SSNNumber" → "SSN Number", "patientDOB2" → "patient DOB 2", "ip4Address" → "ip 4 Address".
    const spaced = chunk
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/([A-Za-z])([0-9])/g, '$1 $2')
      .replace(/([0-9])([A-Za-z])/g, '$1 $2');
    for (const word of spaced.split(' ')) if (word) words.push(word.toLowerCase());
  }
  return words;
}

import type { SinkCategory } from '../core/findings/finding';

/** Why each kind of sink matters under HIPAA, with the regulation to read. Shown in the hover. */
export const HIPAA_REFERENCES: Readonly<Record<SinkCategory, string>> = {
  ai: 'Sending PHI to an AI vendor is a disclosure to a business associate: it needs a Business Associate Agreement (45 CFR §164.502(e), §164.504(e)) or de-identified data (Safe Harbor, §164.514(b)(2)).',
  log: 'Logs and telemetry copy PHI to systems and people outside its safeguards; disclose only the minimum necessary (45 CFR §164.502(b)) and protect audit data (§164.312(b)).',
  storage: 'PHI at rest must be protected by access control and encryption (45 CFR §164.312(a)(1), §164.312(a)(2)(iv)); browser and plain-file storage are neither.',
  url: 'URLs are written to server logs, browser history, proxies and Referer headers; PHI in transit needs transmission security (45 CFR §164.312(e)(1)).',
};

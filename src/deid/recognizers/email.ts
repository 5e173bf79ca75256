import { lazy } from '../lazy';
import type { Recognizer, TextMatch } from './recognizer';

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const EMAIL = /* @__PURE__ */ lazy(() => new RegExp(`${ATEXT}+(?:\\.${ATEXT}+)*@(?:${LABEL}\\.)+${LABEL}`, 'g'));

/** Email addresses (RFC 5322 dot-atom local part, DNS host name); the domain must have a dot and a letter TLD. */
export const emailRecognizer: Recognizer = {
  id: 'email',
  priority: 85,
  find(text) {
    const matches: TextMatch[] = [];
    for (const m of text.matchAll(EMAIL())) {
      const [local, domain] = [m[0].slice(0, m[0].lastIndexOf('@')), m[0].slice(m[0].lastIndexOf('@') + 1)];
      const tld = domain.slice(domain.lastIndexOf('.') + 1);
      if (local.length > 64 || domain.length > 253 || !/[A-Za-z]/.test(tld)) continue;
      matches.push({ start: m.index, end: m.index + m[0].length, category: 'email' });
    }
    return matches;
  },
};

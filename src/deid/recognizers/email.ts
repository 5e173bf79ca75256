import type { Recognizer, TextMatch } from './recognizer';

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const LOCAL_CHAR = /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
// Anchored checks on a candidate cut out around an `@`: an unanchored email regex backtracks quadratically on
// long runs of letters (a base64 blob), so candidates are found by scanning outwards from each `@` instead.
const LOCAL_PART = /* @__PURE__ */ new RegExp(`${ATEXT}+(?:\\.${ATEXT}+)*$`);
const DOMAIN = /* @__PURE__ */ new RegExp(`^(?:${LABEL}\\.)+${LABEL}`);

/** Email addresses (RFC 5322 dot-atom local part of at most 64 characters, DNS host name with a letter in the
 * top-level label). */
export const emailRecognizer: Recognizer = {
  id: 'email',
  priority: 85,
  find(text) {
    const matches: TextMatch[] = [];
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      let start = at;
      while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
      let end = at + 1;
      while (end < text.length && end - at <= 253 && DOMAIN_CHAR.test(text[end]!)) end++;
      const local = LOCAL_PART.exec(text.slice(start, at));
      const domain = DOMAIN.exec(text.slice(at + 1, end));
      if (!local || !domain) continue;
      const tld = domain[0].slice(domain[0].lastIndexOf('.') + 1);
      if (!/[A-Za-z]/.test(tld)) continue;
      matches.push({ start: at - local[0].length, end: at + 1 + domain[0].length, category: 'email' });
    }
    return matches;
  },
};

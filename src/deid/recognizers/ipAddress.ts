import { lazy } from '../lazy';
import type { Recognizer, TextMatch } from './recognizer';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = /* @__PURE__ */ lazy(() => new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?!\\.?\\d)`, 'g'));
// A loose candidate (hex groups and colons, optionally ending in dotted IPv4); isValidIpv6 decides.
const IPV6_CANDIDATE = /(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,8}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4})(?![0-9A-Za-z:])/g;

export function isValidIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** RFC 4291 text forms: eight groups, one `::` standing for one or more zero groups, optional dotted IPv4 tail. */
export function isValidIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  let groups = 0;
  for (let h = 0; h < halves.length; h++) {
    if (halves[h] === '') continue;
    const parts = halves[h]!.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const isLast = h === halves.length - 1 && i === parts.length - 1;
      if (isLast && part.includes('.')) {
        if (!isValidIpv4(part)) return false;
        groups += 2;
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(part)) {
        groups += 1;
      } else {
        return false;
      }
    }
  }
  return halves.length === 2 ? groups <= 7 : groups === 8;
}

/** IPv4 and IPv6 addresses, validated (octets ≤ 255; IPv6 group count and `::` rules). */
export const ipAddressRecognizer: Recognizer = {
  id: 'ip',
  priority: 75,
  find(text) {
    const matches: TextMatch[] = [];
    for (const m of text.matchAll(IPV4())) matches.push({ start: m.index, end: m.index + m[0].length, category: 'ip' });
    for (const m of text.matchAll(IPV6_CANDIDATE)) {
      if (isValidIpv6(m[0])) matches.push({ start: m.index, end: m.index + m[0].length, category: 'ip' });
    }
    return matches;
  },
};

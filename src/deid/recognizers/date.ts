import { fullYear, isNinetyOrOlder, isValidDay, monthNumber } from '../dates';
import type { DateParts } from '../dates';
import { lazy } from '../lazy';
import { AGE_90_OR_OLDER } from '../placeholder';
import type { Recognizer, RecognizerContext, TextMatch } from './recognizer';
import { textBefore } from './recognizer';

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';
const START = '(?<![\\w/.:-])';
const END = '(?![\\w/]|[.:-]\\d)';
const TIME = '(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s?[AaPp][Mm])?(?:Z|[+-]\\d{2}:?\\d{2})?)?';

type Build = (m: RegExpMatchArray, now: Date) => DateParts | undefined;

function checked(year: number, month: number, day: number | undefined): DateParts | undefined {
  if (day === undefined) return month >= 1 && month <= 12 ? { year, month } : undefined;
  return isValidDay(year, month, day) ? { year, month, day } : undefined;
}

const FORMATS = /* @__PURE__ */ lazy((): ReadonlyArray<{ readonly pattern: RegExp; readonly build: Build }> => [
  // 2024-03-05, 2024/03/05, 2024.03.05, 2024-03-05T10:30:00Z
  { pattern: new RegExp(`${START}(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME}${END}`, 'g'), build: (m) => checked(Number(m[1]), Number(m[3]), Number(m[4])) },
  // 03/05/2024, 3-5-24, 05.03.2024 (month or day first: only the year is kept either way)
  {
    pattern: new RegExp(`${START}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME}${END}`, 'g'),
    build: (m, now) => {
      const year = fullYear(m[4]!, now);
      return checked(year, Number(m[1]), Number(m[3])) ?? checked(year, Number(m[3]), Number(m[1]));
    },
  },
  // March 5, 2024 · Mar 5th 2024
  { pattern: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, 'gi'), build: (m) => checked(Number(m[3]), monthNumber(m[1]!)!, Number(m[2])) },
  // 5 March 2024 · 5th of March, 2024
  { pattern: new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'gi'), build: (m) => checked(Number(m[3]), monthNumber(m[2]!)!, Number(m[1])) },
  // EHR and database exports: 05-MAR-2024, 5-Mar-24, 05MAR2024, Mar-05-2024, Mar/05/2024
  {
    pattern: new RegExp(`${START}(\\d{1,2})([-/ ]?)${MONTH}\\2(\\d{4}|\\d{2})${TIME}${END}`, 'gi'),
    build: (m, now) => checked(fullYear(m[4]!, now), monthNumber(m[3]!)!, Number(m[1])),
  },
  {
    pattern: new RegExp(`\\b${MONTH}([-/])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME}${END}`, 'gi'),
    build: (m, now) => checked(fullYear(m[4]!, now), monthNumber(m[1]!)!, Number(m[3])),
  },
  // March 2024 · 2024-03
  { pattern: new RegExp(`\\b${MONTH},?\\s+(\\d{4})\\b`, 'gi'), build: (m) => checked(Number(m[2]), monthNumber(m[1]!)!, undefined) },
  { pattern: new RegExp(`${START}(\\d{4})-(0[1-9]|1[0-2])${END}`, 'g'), build: (m) => checked(Number(m[1]), Number(m[2]), undefined) },
]);

// A month and day without a year (March 5, 5th of March) is still a date element to remove. Lower-case "may" is
// a verb far more often than a month, so it must be capitalised here. A number after it (`March 5 10:30`,
// `March 5, 10 mg`) does not save the day and month: a full date with a year is a longer match and wins anyway.
const NO_YEAR = /* @__PURE__ */ lazy(() => new RegExp(`\\b(?:${MONTH}\\s+(\\d{1,2})${ORDINAL}|(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH})(?!\\w)`, 'gi'));

// A month and day written as numbers (`12/25`) is a fraction or a ratio as often as a date, so it counts only after a
// word that says a date follows (`admitted 12/25`, `DOS: 3/14`).
const NUMERIC_NO_YEAR = /* @__PURE__ */ lazy(() => new RegExp(`${START}(\\d{1,2})/(\\d{1,2})${END}`, 'g'));
const DATE_CUE = /\b(?:admit(?:ted)?|admission|discharged?|d\/c'?d|seen|visit(?:ed)?|dated?|dos|dob|birthday|since|until|surgery|procedure|appointment|appt|f\/u)\b[\s:,-]*(?:on\s+)?$/i;

const BIRTH_CUE = /\b(?:dob|d\.o\.b\.?|yob|born|birth(?:\s*(?:date|day|year|yr))?|date\s+of\s+birth)\b[\s:,-]*(?:on\s+|in\s+)?$/i;
// A year alone is kept, except after a birth cue (`born in 1931`, `YOB 1931`) when it shows an age of 90 or more.
const YEAR = /* @__PURE__ */ lazy(() => new RegExp(`${START}(1[89]\\d{2}|20\\d{2})${END}`, 'g'));

/** Dates in common formats. Each becomes its year; a birth date or birth year ("DOB", "born", "YOB") that puts the
 * person at 90 or older becomes `90+`; a day and month without a year are removed. */
export const dateRecognizer: Recognizer = {
  id: 'date',
  priority: 70,
  find(text: string, context: RecognizerContext) {
    const matches: TextMatch[] = [];
    for (const { pattern, build } of FORMATS()) {
      for (const m of text.matchAll(pattern)) {
        const parts = build(m, context.now);
        if (!parts) continue;
        const start = m.index;
        const isBirth = BIRTH_CUE.test(textBefore(text, start, 30));
        const generalized = isBirth && isNinetyOrOlder(parts, context.now) ? AGE_90_OR_OLDER : String(parts.year);
        matches.push({ start, end: start + m[0].length, category: 'date', generalized });
      }
    }
    for (const m of text.matchAll(YEAR())) {
      if (isNinetyOrOlder({ year: Number(m[1]) }, context.now) && BIRTH_CUE.test(textBefore(text, m.index, 30))) {
        matches.push({ start: m.index, end: m.index + m[0].length, category: 'date', generalized: AGE_90_OR_OLDER });
      }
    }
    for (const m of text.matchAll(NUMERIC_NO_YEAR())) {
      // Any year with a 29 February: only whether the month and day exist matters.
      if (checked(2000, Number(m[1]), Number(m[2])) && DATE_CUE.test(textBefore(text, m.index, 30))) {
        matches.push({ start: m.index, end: m.index + m[0].length, category: 'date' });
      }
    }
    for (const m of text.matchAll(NO_YEAR())) {
      const monthName = m[1] ?? m[4]!;
      if (monthName === 'may') continue;
      const day = Number(m[2] ?? m[3]);
      if (day < 1 || day > 31) continue;
      matches.push({ start: m.index, end: m.index + m[0].length, category: 'date' });
    }
    return matches;
  },
};

/** Calendar parts of a date; month and day are absent when the source only had a year (or a month and year). */
export interface DateParts {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1–12 for an English month name or abbreviation (`Sept`, `march`), else undefined. */
export function monthNumber(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}

/** Expands a two-digit year: not later than the reference year, so `99` is 1999 and `05` is 2005 (in 2026). */
export function fullYear(year: string, now: Date): number {
  if (year.length !== 2) return Number(year);
  const value = Number(year);
  const century = Math.floor(now.getUTCFullYear() / 100) * 100;
  return century + value > now.getUTCFullYear() ? century - 100 + value : century + value;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const MONTH_FIRST = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;

/** Parses the date formats that structured fields commonly hold (ISO 8601 date/date-time, US `m/d/yyyy`, `d.m.yyyy`,
 * `March 5, 1950`, `5 Mar 1950`); undefined when the text is not one of them. */
export function parseDate(text: string, now: Date): DateParts | undefined {
  const value = text.trim();
  let m = ISO.exec(value);
  if (m) {
    const year = Number(m[1]);
    if (m[2] === undefined) return { year };
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    if (m[3] === undefined) return { year, month };
    const day = Number(m[3]);
    return isValidDay(year, month, day) ? { year, month, day } : undefined;
  }
  m = NUMERIC.exec(value);
  if (m) {
    const year = fullYear(m[3]!, now);
    const [a, b] = [Number(m[1]), Number(m[2])];
    // Month first (US) when it can be, day first otherwise: either way only the year survives.
    if (isValidDay(year, a, b)) return { year, month: a, day: b };
    if (isValidDay(year, b, a)) return { year, month: b, day: a };
    return undefined;
  }
  m = MONTH_FIRST.exec(value);
  if (m) return namedMonthDate(m[1]!, m[2]!, m[3]!);
  m = DAY_FIRST.exec(value);
  if (m) return namedMonthDate(m[2]!, m[1]!, m[3]!);
  return undefined;
}

function namedMonthDate(monthName: string, dayText: string, yearText: string): DateParts | undefined {
  const month = monthNumber(monthName);
  const year = Number(yearText);
  const day = Number(dayText);
  return month !== undefined && isValidDay(year, month, day) ? { year, month, day } : undefined;
}

/**
 * Whether someone born on `birth` is 90 or older at `now`. With only a year (or year and month) the oldest
 * possible age counts, so the rule errs towards aggregation.
 */
export function isNinetyOrOlder(birth: DateParts, now: Date): boolean {
  const nowMonth = now.getUTCMonth() + 1;
  let age = now.getUTCFullYear() - birth.year;
  if (birth.month !== undefined && (birth.month > nowMonth || (birth.month === nowMonth && (birth.day ?? 1) > now.getUTCDate()))) age -= 1;
  return age >= 90;
}

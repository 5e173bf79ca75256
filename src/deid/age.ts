import { AGE_90_OR_OLDER } from './placeholder';

/** Safe Harbor form of an age: ages over 89 become the single category `90+`; younger ages are kept as given. */
export function generalizeAge(value: number | string): number | string {
  const years = typeof value === 'number' ? value : Number.parseFloat(value);
  return Number.isFinite(years) && years >= 90 ? AGE_90_OR_OLDER : value;
}

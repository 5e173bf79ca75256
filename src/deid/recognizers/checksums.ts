/** Luhn (mod 10) check over a string of digits: card numbers and NPIs carry one. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const VIN_VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** North American VIN check digit (position 9, ISO 3779 / 49 CFR 565). */
export function passesVinCheck(vin: string): boolean {
  if (vin.length !== 17) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!.toUpperCase();
    const value = c >= '0' && c <= '9' ? Number(c) : VIN_VALUES[c];
    if (value === undefined) return false;
    sum += value * VIN_WEIGHTS[i]!;
  }
  const check = sum % 11;
  return vin[8]!.toUpperCase() === (check === 10 ? 'X' : String(check));
}

/** A parsed JSON value that is an object (not null, not an array): what package.json and tsconfig keys are read from. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

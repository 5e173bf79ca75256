/** Small statistics for the bench report. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Least-squares line y = intercept + slope·x, and how well it fits (R², 1 is a perfect line). */
export function linearFit(points: readonly { x: number; y: number }[]): { slope: number; intercept: number; rSquared: number } {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  const sxy = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = meanY - slope * meanX;
  const ssTotal = points.reduce((sum, p) => sum + (p.y - meanY) ** 2, 0);
  const ssResidual = points.reduce((sum, p) => sum + (p.y - (intercept + slope * p.x)) ** 2, 0);
  return { slope, intercept, rSquared: ssTotal === 0 ? 1 : 1 - ssResidual / ssTotal };
}

/**
 * The LMS method of the WHO Child Growth Standards (WHO MGRS 2006, Methods and development, ch. 7):
 * a measurement X with Box-Cox power L, median M and coefficient of variation S has
 * z = ((X/M)^L − 1) / (L·S); the value at z is M·(1 + L·S·z)^(1/L).
 */
export type Lms = { L: number; M: number; S: number };

/** z of `x` on the LMS curve, without WHO's tail restriction (length/height and head circumference). */
export function lmsZ(x: number, { L, M, S }: Lms): number {
  return L === 0 ? Math.log(x / M) / S : ((x / M) ** L - 1) / (L * S);
}

/** The measurement at `z` (the curve the percentile lines of a chart follow). */
export function lmsValue(z: number, { L, M, S }: Lms): number {
  return L === 0 ? M * Math.exp(S * z) : M * (1 + L * S * z) ** (1 / L);
}

/**
 * WHO's restricted tails for the weight-based indicators (wfa, wfl/wfh, bfa): beyond ±3 SD the
 * Box-Cox curve is no longer trusted, so the distance past SD3 is measured in units of the
 * SD2–SD3 gap: z = 3 + (X − SD3) / (SD3 − SD2), and the mirror below −3. (anthro's
 * compute_zscore_adjusted; WHO MGRS 2006, section 7.)
 */
export function restrictedZ(x: number, lms: Lms): number {
  const z = lmsZ(x, lms);
  if (z > 3) {
    const sd3 = lmsValue(3, lms);
    return 3 + (x - sd3) / (sd3 - lmsValue(2, lms));
  }
  if (z < -3) {
    const sd3neg = lmsValue(-3, lms);
    return -3 + (x - sd3neg) / (lmsValue(-2, lms) - sd3neg);
  }
  return z;
}

/** Standard normal cumulative distribution, Φ(z), to double precision (Marsaglia 2004, Taylor series). */
export function normalCdf(z: number): number {
  if (z < -37) return 0;
  if (z > 37) return 1;
  if (Math.abs(z) > 8) {
    // The series loses digits far out; the asymptotic tail is exact enough there.
    const tail = Math.exp(-0.5 * z * z) / (Math.abs(z) * Math.sqrt(2 * Math.PI));
    return z < 0 ? tail : 1 - tail;
  }
  let sum = z;
  let term = z;
  const q = z * z;
  for (let i = 3; ; i += 2) {
    term *= q / i;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + sum * Math.exp(-0.5 * q - 0.91893853320467274178);
}

/** Φ⁻¹(p): Acklam's rational approximation polished by one Halley step (≈1e-15). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    if (p > 1 - low) x = -x;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** A z-score and its percentile (0–100), as WHO Anthro reports them: percentile = 100·Φ(z). */
export type Score = { z: number; percentile: number };

export function toScore(z: number): Score {
  return { z, percentile: 100 * normalCdf(z) };
}

/**
 * WHO Child Growth Standards LMS tables, copied into the repo by scripts/who-tables.ts (run it
 * again when ../shared/data/who changes; never read the shared folder at run time).
 */
import bfa from "./tables/bfa.json";
import hcfa from "./tables/hcfa.json";
import lhfa from "./tables/lhfa.json";
import wfa from "./tables/wfa.json";
import wfh from "./tables/wfh.json";
import wfl from "./tables/wfl.json";
import type { Lms } from "./lms";

export type Sex = "female" | "male";
/** Age-based tables, by day of age 0..1856. */
export type AgeTable = "wfa" | "lhfa" | "hcfa" | "bfa";
/** Weight by recumbent length 45–110 cm (wfl) or standing height 65–120 cm (wfh), by 0.1 cm. */
export type SizeTable = "wfl" | "wfh";
export type TableName = AgeTable | SizeTable;

type SexTable = { first: number; step: number; L: number | number[]; M: number[]; S: number[] };
type File = { source: string; boys: SexTable; girls: SexTable };

const FILES: Record<TableName, File> = { wfa, lhfa, hcfa, bfa, wfl, wfh };

/** From this day of age the length/height standard is standing height (WHO: 24 months = day 731). */
export const HEIGHT_FROM_DAY = 731;
/** Standing height reads ≈0.7 cm less than recumbent length (WHO MGRS 2006). */
export const LENGTH_HEIGHT_DIFFERENCE_CM = 0.7;

function tableOf(name: TableName, sex: Sex): SexTable {
  const file = FILES[name];
  return sex === "male" ? file.boys : file.girls;
}

function row(t: SexTable, i: number): Lms {
  return { L: typeof t.L === "number" ? t.L : t.L[i], M: t.M[i], S: t.S[i] };
}

/** Where a table's x axis starts and ends (days, or cm). */
export function tableRange(name: TableName, sex: Sex): { first: number; last: number; step: number } {
  const t = tableOf(name, sex);
  return { first: t.first, last: roundTo(t.first + (t.M.length - 1) * t.step, 1), step: t.step };
}

/** L, M, S on a whole day of age; null outside the table. */
export function lmsAtDay(name: AgeTable, sex: Sex, day: number): Lms | null {
  const t = tableOf(name, sex);
  if (!Number.isInteger(day) || day < t.first || day - t.first >= t.M.length) return null;
  return row(t, day - t.first);
}

/**
 * L, M, S at a length or height in cm. Rows are 0.1 cm apart; between rows L, M and S are
 * interpolated linearly, as WHO Anthro does (anthro_zscore_weight_for_lenhei). Null outside the table.
 */
export function lmsAtSize(name: SizeTable, sex: Sex, cm: number): Lms | null {
  const t = tableOf(name, sex);
  const steps = (cm - t.first) / t.step;
  // Tenths in binary floating point: 45.3 must land on its row, not a hair below it.
  const i = Math.floor(steps + 1e-9);
  const frac = Math.max(0, steps - i);
  if (i < 0 || i >= t.M.length) return null;
  const lo = row(t, i);
  if (frac < 1e-9) return lo;
  if (i + 1 >= t.M.length) return null;
  const hi = row(t, i + 1);
  return { L: lo.L + frac * (hi.L - lo.L), M: lo.M + frac * (hi.M - lo.M), S: lo.S + frac * (hi.S - lo.S) };
}

function roundTo(x: number, decimals: number) {
  const p = 10 ** decimals;
  return Math.round(x * p) / p;
}

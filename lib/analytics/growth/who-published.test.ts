/**
 * The growth computation against WHO's own published tables in ../shared/data/who (the same
 * folder here and in CI): every row of every expanded percentile table, both sexes, and WHO's
 * simplified SD tables for weight-for-height (which has no expanded table).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bmiForAge, headForAge, lengthForAge, weightForAge, weightForLength } from "./assess";
import { lmsValue, lmsZ, normalCdf, normalQuantile, type Lms, type Score } from "./lms";
import { lmsAtDay, lmsAtSize, type AgeTable, type Sex } from "./tables";

const WHO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/data/who");
const SEXES: [Sex, string][] = [
  ["male", "boys"],
  ["female", "girls"],
];
/** Published values carry 3 decimals: a value agrees when it rounds to the published one. */
const HALF_UNIT = 0.0005 + 1e-9;

function readCsv(file: string): Record<string, number>[] {
  const [header, ...lines] = readFileSync(path.join(WHO_DIR, file), "utf8").trim().split(/\r?\n/);
  const keys = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [keys[i], Number(v)])));
}

/** "P01" → 0.1, "P3" → 3, "P999" → 99.9 */
function percentileOf(column: string): number {
  const digits = column.slice(1);
  return digits === "01" ? 0.1 : digits === "999" ? 99.9 : Number(digits);
}

/** How far the percentile of a published value can move while the value stays within its rounding. */
function roundingSlack(v: number, lms: Lms): number {
  const at = (x: number) => 100 * normalCdf(lmsZ(x, lms));
  return Math.max(Math.abs(at(v + HALF_UNIT) - at(v)), Math.abs(at(v) - at(v - HALF_UNIT))) + 1e-9;
}

const percentileColumns = (row: Record<string, number>) => Object.keys(row).filter((k) => /^P\d+$/.test(k));

type Case = { label: string; file: string; key: string; lmsAt: (sex: Sex, x: number) => ReturnType<typeof lmsAtDay> };
const cases: Case[] = [
  ...(["wfa", "lhfa", "hcfa", "bfa"] as AgeTable[]).map((t) => ({
    label: t,
    file: `${t}_%s_percentiles_expanded.csv`,
    key: t === "lhfa" ? "Day" : "Age",
    lmsAt: (sex: Sex, day: number) => lmsAtDay(t, sex, day),
  })),
  { label: "wfl", file: "wfl_%s_percentiles_expanded.csv", key: "Length", lmsAt: (sex: Sex, cm: number) => lmsAtSize("wfl", sex, cm) },
];

describe("WHO expanded percentile tables, every row", () => {
  for (const c of cases) {
    for (const [sex, word] of SEXES) {
      const rows = readCsv(`percentiles_expanded/${c.file.replace("%s", word)}`);

      it(`${c.label} ${word}: the value at each published percentile rounds to WHO's (${rows.length} rows)`, () => {
        expect(rows.length).toBeGreaterThan(600);
        const misses: string[] = [];
        let checked = 0;
        for (const row of rows) {
          const lms = c.lmsAt(sex, row[c.key]);
          if (!lms) {
            misses.push(`${c.key} ${row[c.key]}: no LMS row`);
            continue;
          }
          for (const col of percentileColumns(row)) {
            const value = lmsValue(normalQuantile(percentileOf(col) / 100), lms);
            checked++;
            if (Math.abs(value - row[col]) > HALF_UNIT) misses.push(`${c.key} ${row[c.key]} ${col}: ${value} vs ${row[col]}`);
          }
        }
        expect(misses.slice(0, 10)).toEqual([]);
        expect(checked).toBe(rows.length * 15);
      });

      it(`${c.label} ${word}: each published value lies at its column's percentile`, () => {
        const misses: string[] = [];
        for (const row of rows) {
          const lms = c.lmsAt(sex, row[c.key])!;
          for (const col of percentileColumns(row)) {
            const v = row[col];
            const p = 100 * normalCdf(lmsZ(v, lms));
            if (Math.abs(p - percentileOf(col)) > roundingSlack(v, lms)) misses.push(`${c.key} ${row[c.key]} ${col}: ${p}`);
          }
        }
        expect(misses.slice(0, 10)).toEqual([]);
      });
    }
  }
});

/** The product's own entry points (with age limits and tail rules) inside 1st–99th, where no tail rule applies. */
describe("indicator functions reproduce the published percentiles", () => {
  const inside = ["P1", "P3", "P5", "P10", "P15", "P25", "P50", "P75", "P85", "P90", "P95", "P97", "P99"];
  const indicators: [string, string, (sex: Sex, x: number, v: number) => Score | null, (sex: Sex, x: number) => Lms | null][] = [
    ["wfa", "Age", (sex, ageDays, kg) => weightForAge({ sex, ageDays, kg }), (sex, d) => lmsAtDay("wfa", sex, d)],
    ["lhfa", "Day", (sex, ageDays, cm) => lengthForAge({ sex, ageDays, cm }), (sex, d) => lmsAtDay("lhfa", sex, d)],
    ["hcfa", "Age", (sex, ageDays, cm) => headForAge({ sex, ageDays, cm }), (sex, d) => lmsAtDay("hcfa", sex, d)],
    ["bfa", "Age", (sex, ageDays, bmi) => bmiForAge({ sex, ageDays, bmi }), (sex, d) => lmsAtDay("bfa", sex, d)],
    ["wfl", "Length", (sex, cm, kg) => weightForLength({ sex, ageDays: 0, kg, cm }), (sex, cm) => lmsAtSize("wfl", sex, cm)],
  ];
  for (const [name, key, score, lmsAt] of indicators) {
    for (const [sex, word] of SEXES) {
      it(`${name} ${word}`, () => {
        const rows = readCsv(`percentiles_expanded/${name}_${word}_percentiles_expanded.csv`);
        const misses: string[] = [];
        let scored = 0;
        for (const row of rows) {
          // WHO Anthro scores ages under 60 months only (day 1826); the tables run to day 1856.
          if (key !== "Length" && row[key] / 30.4375 >= 60) {
            expect(score(sex, row[key], row.P50)).toBeNull();
            continue;
          }
          for (const col of inside) {
            const s = score(sex, row[key], row[col]);
            scored++;
            if (!s || Math.abs(s.percentile - percentileOf(col)) > roundingSlack(row[col], lmsAt(sex, row[key])!))
              misses.push(`${key} ${row[key]} ${col}: ${JSON.stringify(s)}`);
          }
        }
        expect(misses.slice(0, 10)).toEqual([]);
        expect(scored).toBeGreaterThan(600 * inside.length);
      });
    }
  }
});

describe("WHO simplified SD tables", () => {
  const files: [string, string, (sex: Sex, x: number) => ReturnType<typeof lmsAtDay>][] = [
    ["wfh_%s_2_5_zscores.csv", "Height", (sex, cm) => lmsAtSize("wfh", sex, cm)],
    ["wfl_%s_0_2_zscores.csv", "Length", (sex, cm) => lmsAtSize("wfl", sex, cm)],
  ];
  const sds: [string, number][] = [
    ["SD3neg", -3],
    ["SD2neg", -2],
    ["SD1neg", -1],
    ["SD0", 0],
    ["SD1", 1],
    ["SD2", 2],
    ["SD3", 3],
  ];
  for (const [file, key, lmsAt] of files) {
    for (const [sex, word] of SEXES) {
      it(`${file.replace("%s", word)}: every SD line to its published decimal`, () => {
        const rows = readCsv(`zscores_simplified/${file.replace("%s", word)}`);
        expect(rows.length).toBeGreaterThan(100);
        const misses: string[] = [];
        for (const row of rows) {
          const lms = lmsAt(sex, row[key]);
          if (!lms || lms.M !== row.M || lms.L !== row.L || lms.S !== row.S) {
            misses.push(`${key} ${row[key]}: LMS ${JSON.stringify(lms)}`);
            continue;
          }
          for (const [col, z] of sds) {
            const v = lmsValue(z, lms);
            if (Math.abs(v - row[col]) > 0.05 + 1e-9) misses.push(`${key} ${row[key]} ${col}: ${v} vs ${row[col]}`);
          }
        }
        expect(misses.slice(0, 10)).toEqual([]);
      });
    }
  }
});

/**
 * Copies the WHO Child Growth Standards' LMS parameters the product needs from the shared data
 * folder (../shared/data/who, see its SOURCES.md) into lib/analytics/growth/tables/*.json, so the
 * app never reads the shared folder at run time. Run after the shared data changes:
 *
 *   npx tsx scripts/who-tables.ts [--who <dir>]
 *
 * Age-based indicators (wfa, lhfa, hcfa, bfa) come from WHO's expanded tables (L, M, S by day
 * 0..1856; BMI-for-age exists only there), weight-for-length/height from the anthro package's LMS
 * files (by 0.1 cm). Where both sources hold a row, they are checked to agree.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

type Row = Record<string, string>;
type Column = number | number[];
type SexTable = { first: number; step: number; L: Column; M: number[]; S: number[] };

const args = process.argv.slice(2);
const whoDir = path.resolve(
  args.includes("--who") ? args[args.indexOf("--who") + 1] : path.join(__dirname, "..", "..", "shared", "data", "who"),
);
const outDir = path.join(__dirname, "..", "lib", "analytics", "growth", "tables");
const sexes = ["boys", "girls"] as const;

function readCsv(file: string): Row[] {
  const [header, ...lines] = readFileSync(path.join(whoDir, file), "utf8").trim().split(/\r?\n/);
  const keys = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [keys[i], v])));
}

function fail(message: string): never {
  throw new Error(`who-tables: ${message}`);
}

/** One sex's columns; a column that never changes (L = 1 for length and head) is stored once. */
function toTable(rows: Row[], key: string, step: number): SexTable {
  const xs = rows.map((r) => Number(r[key]));
  xs.forEach((x, i) => {
    if (Math.abs(x - (xs[0] + i * step)) > 1e-9) fail(`${key} ${x} breaks the ${step} step at row ${i}`);
  });
  const L = rows.map((r) => Number(r.L));
  return {
    first: xs[0],
    step,
    L: L.every((l) => l === L[0]) ? L[0] : L,
    M: rows.map((r) => Number(r.M)),
    S: rows.map((r) => Number(r.S)),
  };
}

function sameLms(a: Row[], aKey: string, b: Row[], bKey: string, what: string) {
  const byX = new Map(b.map((r) => [Number(r[bKey]), r]));
  for (const r of a) {
    const other = byX.get(Number(r[aKey]));
    if (!other) continue;
    for (const k of ["L", "M", "S"]) if (Number(r[k]) !== Number(other[k])) fail(`${what} ${aKey}=${r[aKey]}: ${k} differs`);
  }
}

function write(name: string, source: string, tables: Record<(typeof sexes)[number], SexTable>) {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ source, ...tables }) + "\n");
  console.log(`${path.relative(process.cwd(), file)}: ${tables.boys.M.length} + ${tables.girls.M.length} rows`);
}

const byDay = { wfa: "Age", lhfa: "Day", hcfa: "Age", bfa: "Age" } as const;
for (const [indicator, key] of Object.entries(byDay)) {
  const tables = {} as Record<(typeof sexes)[number], SexTable>;
  for (const sex of sexes) {
    const rows = readCsv(`percentiles_expanded/${indicator}_${sex}_percentiles_expanded.csv`);
    if (indicator !== "bfa") sameLms(rows, key, readCsv(`lms/${indicator}_${sex}_lms.csv`), "age_days", `${indicator} ${sex}`);
    if (indicator === "lhfa") {
      // The standard is recumbent length to day 730 and standing height from day 731 (lms/ says which).
      for (const r of readCsv(`lms/lhfa_${sex}_lms.csv`)) {
        if ((Number(r.age_days) < 731 ? "L" : "H") !== r.loh) fail(`lhfa ${sex} day ${r.age_days} is ${r.loh}`);
      }
    }
    tables[sex] = toTable(rows, key, 1);
  }
  write(indicator, `WHO Child Growth Standards, expanded tables (${indicator}), L/M/S by day`, tables);
}

for (const [indicator, key] of [
  ["wfl", "length_cm"],
  ["wfh", "height_cm"],
] as const) {
  const tables = {} as Record<(typeof sexes)[number], SexTable>;
  for (const sex of sexes) {
    const rows = readCsv(`lms/${indicator}_${sex}_lms.csv`);
    if (indicator === "wfl")
      sameLms(rows, key, readCsv(`percentiles_expanded/wfl_${sex}_percentiles_expanded.csv`), "Length", `wfl ${sex}`);
    tables[sex] = toTable(rows, key, 0.1);
  }
  write(indicator, `WHO Child Growth Standards (anthro package), ${indicator} L/M/S by 0.1 cm`, tables);
}

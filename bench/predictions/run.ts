/**
 * bench/predictions: replays a real family log (Baby Connect export of Eva's first year,
 * ../shared/data/exports/baby-connect/eva.csv, CC0) through the next-feed / next-sleep model and
 * two baselines (the last interval again; a fixed 3 h), and reports mean absolute error in
 * minutes and the 80% interval's coverage. Prints the machine and the numbers and writes
 * bench/results/predictions-<date>.json. Never fails on the numbers.
 *
 *   npm run bench:predictions [-- path/to/export.csv]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseBabyConnect } from "@/lib/importers/baby-connect/parse";
import { DEFAULT_OPTIONS } from "@/lib/analytics/predictions";
import type { AnalyticsEntry } from "@/lib/analytics/types";
import { replay, type Method, type Score } from "./replay";

const FILE = process.argv[2] ?? path.resolve(process.cwd(), "../shared/data/exports/baby-connect/eva.csv");
/** The export carries no zone; Baby Connect's US date format and the family's hours fit US Pacific or Eastern equally. */
const TIME_ZONE = process.env.BENCH_TIME_ZONE ?? "America/Los_Angeles";
/** The log starts on 2019-12-20 with a doctor's visit the next day; the birth date is not in it. */
const BIRTH_DATE = process.env.BENCH_BIRTH_DATE ?? "2019-12-18";

const started = performance.now();
const parsed = parseBabyConnect(readFileSync(FILE, "utf8"), { timeZone: TIME_ZONE });
const entries: AnalyticsEntry[] = parsed.entries.map((e) => ({ ...e, id: `line-${e.line}` }));
const result = replay({ entries, child: { id: "eva", birthDate: BIRTH_DATE, timezone: TIME_ZONE } });
const seconds = Math.round((performance.now() - started) / 100) / 10;

const machine = {
  cpuModel: os.cpus()[0]?.model?.trim() ?? "unknown",
  cores: os.cpus().length,
  ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
};
const label: Record<Method, string> = { model: "model", lastInterval: "last interval", fixed3h: "fixed 3 h" };
const row = (m: Method, s: Score) =>
  `  ${label[m].padEnd(14)} n=${String(s.n).padStart(5)}  MAE ${s.maeMinutes.toFixed(1).padStart(6)} min  median ${s.medianAbsMinutes.toFixed(1).padStart(6)} min` +
  (s.coverage !== null ? `  80% interval coverage ${(s.coverage * 100).toFixed(1)}% (mean width ${s.meanWidthMinutes} min)` : "");

console.log(
  `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB, node ${machine.node}, load ${machine.loadAverageAtStart.join(" ")}`,
);
console.log(
  `log: ${path.basename(FILE)}, ${parsed.entries.length} entries (${parsed.skipped.length} rows skipped), zone ${TIME_ZONE}, birth ${BIRTH_DATE}`,
);
const o = DEFAULT_OPTIONS;
console.log(
  `model: history ${o.historyDays} d, half-life ${o.halfLifeHours} h, hour kernel σ ${o.hourSigma} h, prior weight ${o.priorWeight}, interval ${o.tail * 100}th–${(1 - o.tail) * 100}th percentile`,
);
console.log(
  `replay: ${result.points} moments, ${result.skippedHoles} predictions skipped (true next event > 16 h away: a hole in the log), ${seconds} s`,
);
for (const kind of ["feed", "sleep"] as const) {
  console.log(`next ${kind}:`);
  for (const m of ["model", "lastInterval", "fixed3h"] as Method[]) console.log(row(m, result[kind][m]));
}
console.log("MAE by age (model / last interval / fixed 3 h, minutes; coverage of the model's 80% range):");
for (const band of result.byAge) {
  const cell = (kind: "feed" | "sleep") => {
    const r = band[kind];
    return `${kind} n=${r.model.n} ${r.model.maeMinutes} / ${r.lastInterval.maeMinutes} / ${r.fixed3h.maeMinutes} (${((r.model.coverage ?? 0) * 100).toFixed(0)}%)`;
  };
  console.log(`  ${band.ages.padEnd(12)} ${cell("feed")}   ${cell("sleep")}`);
}
const beats = (kind: "feed" | "sleep") =>
  result[kind].model.maeMinutes < result[kind].lastInterval.maeMinutes && result[kind].model.maeMinutes < result[kind].fixed3h.maeMinutes;
console.log(`model beats both baselines: feed ${beats("feed") ? "yes" : "NO"}, sleep ${beats("sleep") ? "yes" : "NO"}`);

const dir = path.resolve(process.cwd(), "bench/results");
mkdirSync(dir, { recursive: true });
const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
const out = path.join(dir, `predictions-${stamp}.json`);
writeFileSync(
  out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      machine,
      file: path.basename(FILE),
      timeZone: TIME_ZONE,
      birthDate: BIRTH_DATE,
      options: DEFAULT_OPTIONS,
      seconds,
      ...result,
    },
    null,
    2,
  ) + "\n",
);
console.log(`wrote ${path.relative(process.cwd(), out)}`);

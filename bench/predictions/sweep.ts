/**
 * The grid behind DEFAULT_OPTIONS (lib/analytics/predictions.ts): each option set replayed on
 * the same log, printed as one line. `npx tsx bench/predictions/sweep.ts [file]`. Tuning on the
 * log the benchmark reports is optimistic; the chosen options are kept few and round for that reason.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseBabyConnect } from "@/lib/importers/baby-connect/parse";
import type { ModelOptions } from "@/lib/analytics/predictions";
import { replay } from "./replay";

const FILE = process.argv[2] ?? path.resolve(process.cwd(), "../shared/data/exports/baby-connect/eva.csv");
const zone = process.env.BENCH_TIME_ZONE ?? "America/Los_Angeles";
const entries = parseBabyConnect(readFileSync(FILE, "utf8"), { timeZone: zone }).entries.map((e) => ({ ...e, id: `line-${e.line}` }));
const grid: Partial<ModelOptions>[] = JSON.parse(process.env.SWEEP ?? "[{}]");
for (const options of grid) {
  const r = replay({ entries, child: { id: "eva", birthDate: "2019-12-18", timezone: zone }, options });
  const f = r.feed.model;
  const s = r.sleep.model;
  console.log(
    JSON.stringify(options),
    `feed MAE ${f.maeMinutes} cov ${f.coverage} w ${f.meanWidthMinutes}`,
    `| sleep MAE ${s.maeMinutes} cov ${s.coverage} w ${s.meanWidthMinutes}`,
  );
}

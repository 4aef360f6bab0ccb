import { DEFAULT_OPTIONS, fitModel, predict, type ModelOptions } from "@/lib/analytics/predictions";
import { ageInDays, DAY_MS, HOUR_MS, MINUTE_MS, type AnalyticsChild, type AnalyticsEntry } from "@/lib/analytics/types";

/**
 * Replays a log in time order. At every feed start, sleep start and wake-up, it predicts the next
 * feed and (when awake) the next sleep from what had been logged by then — entries that started
 * later are invisible and a sleep still running at that moment has no end yet — and compares with
 * what happened next. The two baselines see the same history and are scored at the same moments.
 */

export type Method = "model" | "lastInterval" | "fixed3h";
export type Score = { n: number; maeMinutes: number; medianAbsMinutes: number; coverage: number | null; meanWidthMinutes: number | null };
type Scores = { feed: Record<Method, Score>; sleep: Record<Method, Score> };
export type ReplayResult = Scores & { points: number; skippedHoles: number; byAge: ({ ages: string } & Scores)[] };

/** Age bands for the split of the errors (days of life). */
const AGE_BANDS = [
  { ages: "0–3 months", maxDays: 91 },
  { ages: "3–6 months", maxDays: 183 },
  { ages: "6–12 months", maxDays: 366 },
  { ages: "12+ months", maxDays: Infinity },
];

/** A true next event further away than this is a hole in the log, not a rhythm to predict. */
export const MAX_TRUTH_GAP_MS = 16 * HOUR_MS;

type Guess = { at: number; low?: number; high?: number };
type Tally = { errors: number[]; covered: number; widths: number[] };

const emptyTally = (): Tally => ({ errors: [], covered: 0, widths: [] });
const isFeed = (e: AnalyticsEntry) => e.type === "feeding" && e.details.method !== "solids";

function score(t: Tally): Score {
  const n = t.errors.length;
  const sorted = [...t.errors].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n,
    maeMinutes: n ? round(t.errors.reduce((a, b) => a + b, 0) / n) : 0,
    medianAbsMinutes: n ? round(sorted[Math.floor(n / 2)]) : 0,
    coverage: t.widths.length ? Math.round((t.covered / t.widths.length) * 1000) / 1000 : null,
    meanWidthMinutes: t.widths.length ? round(t.widths.reduce((a, b) => a + b, 0) / t.widths.length) : null,
  };
}

function record(tallies: Tally[], guess: Guess, truth: number) {
  for (const tally of tallies) recordOne(tally, guess, truth);
}

function recordOne(tally: Tally, guess: Guess, truth: number) {
  tally.errors.push(Math.abs(guess.at - truth) / MINUTE_MS);
  if (guess.low !== undefined && guess.high !== undefined) {
    tally.widths.push((guess.high - guess.low) / MINUTE_MS);
    if (truth >= guess.low && truth <= guess.high) tally.covered += 1;
  }
}

/** History as it looked at `t`: started by then, and a sleep that ends later still open. */
function historyAt(entries: AnalyticsEntry[], t: number, historyDays: number): AnalyticsEntry[] {
  const from = t - (historyDays + 1) * DAY_MS;
  const out: AnalyticsEntry[] = [];
  for (const e of entries) {
    const s = Date.parse(e.startedAt);
    if (s > t) break;
    if (s < from) continue;
    out.push(e.endedAt && Date.parse(e.endedAt) > t ? { ...e, endedAt: null } : e);
  }
  return out;
}

export function replay({
  entries,
  child,
  options,
}: {
  entries: AnalyticsEntry[];
  child: AnalyticsChild;
  options?: Partial<ModelOptions>;
}): ReplayResult {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const sorted = entries.filter((e) => !e.deletedAt).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const feedStarts = sorted.filter(isFeed).map((e) => Date.parse(e.startedAt));
  const sleeps = sorted.filter((e) => e.type === "sleep");
  const sleepStarts = sleeps.map((e) => Date.parse(e.startedAt));
  const ended = sleeps.filter((e) => e.endedAt).map((e) => ({ start: Date.parse(e.startedAt), end: Date.parse(e.endedAt as string) }));
  const moments = [...new Set([...feedStarts, ...sleepStarts, ...ended.map((s) => s.end)])].sort((a, b) => a - b);
  const firstAfter = (list: number[], t: number) => list.find((x) => x > t);

  const newTallies = () => ({
    feed: { model: emptyTally(), lastInterval: emptyTally(), fixed3h: emptyTally() },
    sleep: { model: emptyTally(), lastInterval: emptyTally(), fixed3h: emptyTally() },
  });
  const overall = newTallies();
  const bands = AGE_BANDS.map(newTallies);
  let skippedHoles = 0;
  for (const t of moments) {
    const history = historyAt(sorted, t, o.historyDays);
    const prediction = predict({ model: fitModel({ activities: history, child, now: new Date(t), options: o }), now: new Date(t) });
    const band = bands[AGE_BANDS.findIndex((b) => ageInDays(child.birthDate, new Date(t)) < b.maxDays)];
    const both = (kind: "feed" | "sleep", m: Method) => [overall[kind][m], band[kind][m]];
    const tallies = {
      feed: { model: both("feed", "model"), lastInterval: both("feed", "lastInterval"), fixed3h: both("feed", "fixed3h") },
      sleep: { model: both("sleep", "model"), lastInterval: both("sleep", "lastInterval"), fixed3h: both("sleep", "fixed3h") },
    };
    const clamp = (x: number) => Math.max(t, x);

    const feedsSoFar = feedStarts.filter((x) => x <= t && x > t - 2 * DAY_MS);
    const nextFeed = firstAfter(feedStarts, t);
    if (nextFeed !== undefined && feedsSoFar.length >= 2 && prediction.nextFeed) {
      if (nextFeed - t > MAX_TRUTH_GAP_MS) skippedHoles++;
      else {
        const [prev, last] = feedsSoFar.slice(-2);
        const p = prediction.nextFeed;
        record(tallies.feed.model, { at: Date.parse(p.at), low: Date.parse(p.low), high: Date.parse(p.high) }, nextFeed);
        record(tallies.feed.lastInterval, { at: clamp(last + (last - prev)) }, nextFeed);
        record(tallies.feed.fixed3h, { at: clamp(last + 3 * HOUR_MS) }, nextFeed);
      }
    }

    // Awake (per the history at t) with two finished sleeps seen in the last two days.
    const done = ended.filter((s) => s.end <= t && s.end > t - 2 * DAY_MS);
    const nextSleep = firstAfter(sleepStarts, t);
    if (nextSleep !== undefined && done.length >= 2 && prediction.nextSleep) {
      if (nextSleep - t > MAX_TRUTH_GAP_MS) skippedHoles++;
      else {
        const [prev, last] = done.slice(-2);
        const p = prediction.nextSleep;
        record(tallies.sleep.model, { at: Date.parse(p.at), low: Date.parse(p.low), high: Date.parse(p.high) }, nextSleep);
        record(tallies.sleep.lastInterval, { at: clamp(last.end + Math.max(0, last.start - prev.end)) }, nextSleep);
        record(tallies.sleep.fixed3h, { at: clamp(last.end + 3 * HOUR_MS) }, nextSleep);
      }
    }
  }
  const scores = (t: ReturnType<typeof newTallies>): Scores => {
    const of = (k: "feed" | "sleep") => ({
      model: score(t[k].model),
      lastInterval: score(t[k].lastInterval),
      fixed3h: score(t[k].fixed3h),
    });
    return { feed: of("feed"), sleep: of("sleep") };
  };
  return {
    points: moments.length,
    skippedHoles,
    ...scores(overall),
    byAge: AGE_BANDS.map((b, i) => ({ ages: b.ages, ...scores(bands[i]) })).filter((b) => b.feed.model.n + b.sleep.model.n > 0),
  };
}

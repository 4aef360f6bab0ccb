import { wallClock } from "@/lib/time/zoned";
import { isNightHour } from "./daily-series";
import { FEED_INTERVAL_PRIORS, priorFor, WAKE_WINDOW_PRIORS, type PriorRow } from "./prediction-priors";
import {
  ageInDays,
  DAY_MS,
  HOUR_MS,
  isMilkFeed,
  liveSorted,
  MINUTE_MS,
  type AnalyticsChild,
  type AnalyticsEntry,
  type MessageRef,
} from "./types";

/**
 * Next feed and next sleep from the child's own rhythm. fitModel turns the history into weighted
 * interval samples (recency-weighted, tagged with the wall-clock hour they began at); predict
 * looks at the samples that began at a similar hour, keeps those still possible given the time
 * already elapsed, adds an age-typical prior (prediction-priors.ts) and reads the median and the
 * 10th–90th percentiles: an 80% interval. The model is plain JSON, so the worker can cache it.
 */

/** How far back the history counts (days), how fast it fades (half-life, hours), the spread of
 * the time-of-day kernel (hours), how many samples the prior counts as, and the interval's tails.
 * Tuned on bench/predictions (docs/BENCHMARKS.md). */
export type ModelOptions = { historyDays: number; halfLifeHours: number; hourSigma: number; priorWeight: number; tail: number };
export const DEFAULT_OPTIONS: ModelOptions = { historyDays: 14, halfLifeHours: 168, hourSigma: 1.5, priorWeight: 0.5, tail: 0.08 };
/** The longest history fitModel reads: callers can load just this much. */
export const HISTORY_DAYS = DEFAULT_OPTIONS.historyDays;
/** Gaps longer than these are holes in the log, not intervals. */
const MAX_FEED_GAP_MS = 16 * HOUR_MS;
const MAX_WAKE_MS = 10 * HOUR_MS;
/** The 80% range reaches at least this far either side of the time (a share of the interval, or minutes). */
const MIN_MARGIN_SHARE = 0.1;
const MIN_MARGIN_MS = 10 * MINUTE_MS;
/** A sleep with no end that began longer ago than this is a forgotten timer, not a sleep. */
const MAX_OPEN_SLEEP_MS = 16 * HOUR_MS;

export type IntervalSample = { at: number; hour: number; gapMs: number; weight: number };
export type KindModel = { samples: IntervalSample[]; anchor: string | null };
export type PredictionModel = {
  version: 1;
  options: ModelOptions;
  childId: string;
  fittedAt: string;
  timeZone: string;
  ageDays: number;
  /** Intervals between feed starts; anchor: the last feed's start. */
  feed: KindModel;
  /** Wake windows (a sleep's end to the next start); anchor: the last wake-up. */
  sleep: KindModel & { asleepSince: string | null };
};

export type Prediction = { at: string; low: string; high: string; reason: MessageRef };
export type Predictions = { nextFeed: Prediction | null; nextSleep: Prediction | null };

const localHour = (t: number, timeZone: string) => {
  const w = wallClock(new Date(t), timeZone);
  return w.hour + w.minute / 60;
};
function samplesOf(pairs: [number, number][], now: number, timeZone: string, maxGap: number, o: ModelOptions): IntervalSample[] {
  const horizon = now - o.historyDays * DAY_MS;
  const halfLife = o.halfLifeHours * HOUR_MS;
  return pairs
    .filter(([from, to]) => from >= horizon && to <= now && to > from && to - from <= maxGap)
    .map(([from, to]) => ({ at: from, hour: localHour(from, timeZone), gapMs: to - from, weight: Math.pow(0.5, (now - to) / halfLife) }));
}

/** Fit the child's model from its history up to `now` (entries after `now` are ignored). */
export function fitModel({
  activities,
  child,
  now,
  timeZone = child.timezone,
  options,
}: {
  activities: AnalyticsEntry[];
  child: AnalyticsChild;
  now: Date;
  timeZone?: string;
  options?: Partial<ModelOptions>;
}): PredictionModel {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const t = now.getTime();
  const past = liveSorted(activities).filter((e) => Date.parse(e.startedAt) <= t);
  const feeds = past.filter(isMilkFeed).map((e) => Date.parse(e.startedAt));
  const allSleeps = past.filter((e) => e.type === "sleep");
  const last = allSleeps[allSleeps.length - 1];
  const open = last && (!last.endedAt || Date.parse(last.endedAt) > t) && t - Date.parse(last.startedAt) < MAX_OPEN_SLEEP_MS ? last : null;
  const sleeps = allSleeps
    .filter((e) => e.endedAt && Date.parse(e.endedAt) <= t)
    .map((e) => [Date.parse(e.startedAt), Date.parse(e.endedAt as string)] as const);

  const feedPairs = feeds.slice(1).map((to, i) => [feeds[i], to] as [number, number]);
  const wakePairs = sleeps.slice(1).map((s, i) => [sleeps[i][1], s[0]] as [number, number]);
  const lastWake = sleeps.length ? Math.max(...sleeps.slice(-3).map((s) => s[1])) : null;

  return {
    version: 1,
    options: o,
    childId: child.id,
    fittedAt: now.toISOString(),
    timeZone,
    ageDays: ageInDays(child.birthDate, now),
    feed: {
      samples: samplesOf(feedPairs, t, timeZone, MAX_FEED_GAP_MS, o),
      anchor: feeds.length ? new Date(feeds[feeds.length - 1]).toISOString() : null,
    },
    sleep: {
      samples: samplesOf(wakePairs, t, timeZone, MAX_WAKE_MS, o),
      anchor: lastWake !== null ? new Date(lastWake).toISOString() : null,
      asleepSince: open ? open.startedAt : null,
    },
  };
}

type Weighted = { value: number; weight: number };

export function weightedQuantile(items: Weighted[], q: number): number {
  const sorted = [...items].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, x) => s + x.weight, 0);
  let acc = 0;
  for (const x of sorted) {
    acc += x.weight;
    if (acc >= q * total) return x.value;
  }
  return sorted[sorted.length - 1].value;
}

function hourDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 24;
  return Math.min(d, 24 - d);
}

function priorSamples([low, mid, high]: [number, number, number], priorWeight: number): Weighted[] {
  const points = [low, (low + mid) / 2, mid, (mid + high) / 2, high];
  const weights = [1, 2, 2, 2, 1];
  return points.map((value, i) => ({ value, weight: (weights[i] / 8) * priorWeight }));
}

function splitMinutes(ms: number) {
  const total = Math.round(ms / MINUTE_MS);
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

function ageValues(ageDays: number) {
  return ageDays < 91
    ? { age: Math.max(1, Math.floor(ageDays / 7)), ageUnit: "week" }
    : { age: Math.floor(ageDays / 30.44), ageUnit: "month" };
}

/** The one-line why: the child's average and how the hour shifts it, or the age-typical prior. */
function reasonOf(
  kind: "feed" | "sleep",
  model: PredictionModel,
  samples: IntervalSample[],
  anchorHour: number,
  prior: number,
  now: number,
): MessageRef {
  const mass = samples.reduce((s, x) => s + x.weight, 0);
  if (samples.length < 3 || mass < 1)
    return { key: `predictions.reasons.${kind}Prior`, values: { ...splitMinutes(prior), ...ageValues(model.ageDays) } };
  const all = samples.map((s) => ({ value: s.gapMs, weight: s.weight }));
  const typical = weightedQuantile(all, 0.5);
  const night = samples.filter((s) => isNightHour(Math.floor(s.hour))).map((s) => ({ value: s.gapMs, weight: s.weight }));
  const day = samples.filter((s) => !isNightHour(Math.floor(s.hour))).map((s) => ({ value: s.gapMs, weight: s.weight }));
  let timeOfDay = "none";
  if (night.length >= 2 && day.length >= 2) {
    const [n, d] = [weightedQuantile(night, 0.5), weightedQuantile(day, 0.5)];
    const atNight = isNightHour(Math.floor(anchorHour));
    if (atNight && n >= d * 1.2) timeOfDay = "laterAtNight";
    else if (atNight && n <= d * 0.8) timeOfDay = "soonerAtNight";
    else if (!atNight && d >= n * 1.2) timeOfDay = "laterInDay";
    else if (!atNight && d <= n * 0.8) timeOfDay = "soonerInDay";
  }
  const oldest = Math.min(...samples.filter((s) => s.weight >= 0.2).map((s) => s.at));
  const days = Math.max(1, Math.min(model.options.historyDays, Math.ceil((now - oldest) / DAY_MS)));
  return { key: `predictions.reasons.${kind}History`, values: { ...splitMinutes(typical), days, timeOfDay } };
}

function predictKind(kind: "feed" | "sleep", model: PredictionModel, rows: PriorRow[], now: number): Prediction | null {
  const { samples, anchor } = model[kind];
  if (!anchor) return null;
  const from = Date.parse(anchor);
  const elapsed = Math.max(0, now - from);
  const hour = localHour(from, model.timeZone);
  const prior = priorFor(rows, model.ageDays, isNightHour(Math.floor(hour)));
  const o = model.options;
  const near = samples.map((s) => ({
    value: s.gapMs,
    weight: s.weight * Math.exp(-(hourDistance(s.hour, hour) ** 2) / (2 * o.hourSigma ** 2)),
  }));
  const pool = [...near, ...priorSamples(prior, o.priorWeight)];
  // Only intervals longer than the time already gone by can still happen.
  const still = pool.filter((x) => x.value > elapsed && x.weight > 1e-6);
  const reason = reasonOf(kind, model, samples, hour, prior[1], now);
  const iso = (t: number) => new Date(Math.round(t / MINUTE_MS) * MINUTE_MS).toISOString();
  if (still.length === 0) {
    // Overdue against everything seen: it is likely any minute now.
    return { at: iso(now + 10 * MINUTE_MS), low: iso(now), high: iso(now + 45 * MINUTE_MS), reason };
  }
  const at = Math.max(now, from + weightedQuantile(still, 0.5));
  // A clockwork history would give a zero-width range; no baby is that regular.
  const margin = Math.max(MIN_MARGIN_MS, MIN_MARGIN_SHARE * (at - from));
  const low = Math.max(now, Math.min(at - margin, from + weightedQuantile(still, o.tail)));
  const high = Math.max(at + margin, from + weightedQuantile(still, 1 - o.tail));
  return { at: iso(at), low: iso(low), high: iso(high), reason };
}

/** Predictions at `now` from a fitted model (refit when the history changes). */
export function predict({ model, now }: { model: PredictionModel; now: Date }): Predictions {
  const t = now.getTime();
  return {
    nextFeed: predictKind("feed", model, FEED_INTERVAL_PRIORS, t),
    // While asleep the next sleep is not the question; the wake-up is.
    nextSleep: model.sleep.asleepSince ? null : predictKind("sleep", model, WAKE_WINDOW_PRIORS, t),
  };
}

/** Fit and predict in one go. */
export function predictNext({
  activities,
  child,
  now,
  timeZone = child.timezone,
  options,
}: {
  activities: AnalyticsEntry[];
  child: AnalyticsChild;
  now: Date;
  timeZone?: string;
  options?: Partial<ModelOptions>;
}): Predictions {
  return predict({ model: fitModel({ activities, child, now, timeZone, options }), now });
}

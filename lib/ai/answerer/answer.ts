import type { Locale } from "@/lib/i18n/config";
import { dailyTotals, type DailyTotals } from "@/lib/analytics/totals";
import { dayRangeOf, shiftDate } from "@/lib/analytics/day-range";
import { expectedWetDiapers, ALERT_SOURCES } from "@/lib/analytics/alerts";
import { ageInDays, DAY_MS, isMilkFeed } from "@/lib/analytics/types";
import { dayWindow } from "@/lib/time/zoned";
import { citeEntry, type CitedEntry } from "../ui-message";
import type { ChildData, Entry } from "../child-data";
import { detectIntent, type Intent, type Metric } from "./intents";
import { aiTranslator, formatDate, formatDuration, formatNumber, formatTime, type Translate } from "./format";

export type Answer = { intent: string; text: string; citations: CitedEntry[] };

/** How far back "the last feed" looks. */
const LOOKBACK_DAYS = 14;
/** Newborn feeds per day (AAP HealthyChildren.org, "How Often and How Much Should Your Baby Eat?"): 8–12, first two months. */
const FEEDS_PER_DAY = { min: 8, max: 12, untilDays: 60 };
/** Wet diapers are judged against lib/analytics/alerts for the first 8 weeks (NHS, AAP). */
const WET_CHECK_DAYS = 56;

type Ctx = { data: ChildData; locale: Locale; t: Translate; entries: Entry[]; now: Date; tz: string };

/**
 * The built-in answerer: the common questions about the child's log, answered from the family's
 * data through the same ChildData the model's tools use, in the asker's language, citing the
 * entries behind each number. No model, no network: it is the default without a provider.
 */
export async function answerQuestion({ question, data, locale }: { question: string; data: ChildData; locale: Locale }): Promise<Answer> {
  const intent = detectIntent(question);
  const t = aiTranslator(locale);
  const now = data.now;
  const needsLog = intent.kind !== "growth" && intent.kind !== "help";
  const entries = needsLog
    ? await data.activities({ from: new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS), to: new Date(now.getTime() + 60_000) })
    : [];
  const ctx: Ctx = {
    data,
    locale,
    t,
    entries: entries.filter((e) => Date.parse(e.startedAt) <= now.getTime()),
    now,
    tz: data.child.timezone,
  };
  const name = intentName(intent);
  switch (intent.kind) {
    case "last":
      return { intent: name, ...answerLast(ctx, intent.metric) };
    case "total":
      return { intent: name, ...answerTotal(ctx, intent.metric, intent.period) };
    case "breast_balance":
      return { intent: name, ...answerBreast(ctx) };
    case "next":
      return { intent: name, ...(await answerNext(ctx, intent.what)) };
    case "growth":
      return { intent: name, ...(await answerGrowth(ctx)) };
    case "normal":
      return { intent: name, ...answerNormal(ctx, intent) };
    default:
      return { intent: name, text: t("answer.help"), citations: [] };
  }
}

export function intentName(i: Intent): string {
  if (i.kind === "last") return `last_${i.metric}`;
  if (i.kind === "total") return `total_${i.metric}_${i.period}`;
  if (i.kind === "next") return `next_${i.what}`;
  if (i.kind === "normal") return `normal_${i.metric}`;
  return i.kind;
}

type Part = { text: string; citations: CitedEntry[] };
const cite = (entries: Entry[]) => entries.map(citeEntry);
const time = (ctx: Ctx, iso: string) => formatTime(iso, { locale: ctx.locale, timeZone: ctx.tz, now: ctx.now });

function answerLast(ctx: Ctx, metric: "feeds" | "sleep" | "diapers"): Part {
  const { t, now } = ctx;
  const pick =
    metric === "feeds" ? ctx.entries.filter(isMilkFeed) : ctx.entries.filter((e) => e.type === (metric === "sleep" ? "sleep" : "diaper"));
  const last = pick[pick.length - 1];
  if (!last) return { text: t("answer.noData", { kind: metric }), citations: [] };
  const ago = formatDuration(now.getTime() - Date.parse(last.startedAt), t);
  if (metric === "feeds") {
    const d = last.details;
    const detail = d.method === "bottle" ? "bottle" : d.method === "breast" ? "breast" : "other";
    return {
      text: t("answer.lastFeed", { time: time(ctx, last.startedAt), ago, method: detail, ml: Number(d.amountMl ?? 0) }),
      citations: cite([last]),
    };
  }
  if (metric === "diapers") {
    const kind = last.details.wet && last.details.dirty ? "both" : last.details.wet ? "wet" : last.details.dirty ? "dirty" : "dry";
    return { text: t("answer.lastDiaper", { time: time(ctx, last.startedAt), ago, kind }), citations: cite([last]) };
  }
  if (!last.endedAt || Date.parse(last.endedAt) > now.getTime())
    return {
      text: t("answer.lastSleepOngoing", {
        start: time(ctx, last.startedAt),
        duration: formatDuration(now.getTime() - Date.parse(last.startedAt), t),
      }),
      citations: cite([last]),
    };
  return {
    text: t("answer.lastSleep", {
      start: time(ctx, last.startedAt),
      end: time(ctx, last.endedAt),
      duration: formatDuration(Date.parse(last.endedAt) - Date.parse(last.startedAt), t),
      ago: formatDuration(now.getTime() - Date.parse(last.endedAt), t),
    }),
    citations: cite([last]),
  };
}

/** Days `from`…`to` of the log, and the entries of the metric behind them. */
function totalsOf(ctx: Ctx, from: string, to: string, metric: Metric): { days: DailyTotals[]; cited: Entry[] } {
  const { data, tz } = ctx;
  const days = dailyTotals({ entries: ctx.entries, timeZone: tz, dayStartHour: data.dayStartHour, from, to, now: ctx.now });
  const start = dayRangeOf(from, tz, data.dayStartHour).start.getTime();
  const end = dayRangeOf(to, tz, data.dayStartHour).end.getTime();
  const startedIn = (e: Entry) => Date.parse(e.startedAt) >= start && Date.parse(e.startedAt) < end;
  const overlaps = (e: Entry) => Date.parse(e.startedAt) < end && (e.endedAt ? Date.parse(e.endedAt) : ctx.now.getTime()) > start;
  const cited =
    metric === "ml"
      ? ctx.entries.filter((e) => startedIn(e) && e.type === "feeding" && e.details.method === "bottle")
      : metric === "feeds"
        ? ctx.entries.filter((e) => startedIn(e) && isMilkFeed(e))
        : metric === "sleep"
          ? ctx.entries.filter((e) => e.type === "sleep" && overlaps(e))
          : ctx.entries.filter((e) => startedIn(e) && e.type === "diaper");
  return { days, cited };
}

function answerTotal(ctx: Ctx, metric: Metric, period: "today" | "week"): Part {
  const { t, locale } = ctx;
  const today = dayWindow(ctx.now, ctx.tz, ctx.data.dayStartHour).date;
  const from = period === "today" ? today : shiftDate(today, -6);
  const { days, cited } = totalsOf(ctx, from, today, metric);
  const sum = (f: (d: DailyTotals) => number) => days.reduce((s, d) => s + f(d), 0);
  const avg = (v: number) => formatNumber(v / days.length, locale, 1);
  const n = (v: number) => formatNumber(v, locale);
  const key = `answer.${metric}${period === "today" ? "Today" : "Week"}`;
  let values: Record<string, string | number>;
  if (metric === "ml") {
    const ml = sum((d) => d.bottleMl);
    values = { ml: n(ml), count: cited.length, avg: avg(ml) };
  } else if (metric === "feeds") {
    const feeds = sum((d) => d.feeds);
    values = { count: feeds, avg: avg(feeds) };
  } else if (metric === "sleep") {
    const minutes = sum((d) => d.sleepMinutes);
    values = {
      duration: formatDuration(minutes * 60_000, t),
      avgDuration: formatDuration((minutes / days.length) * 60_000, t),
      count: cited.length,
    };
  } else {
    const diapers = sum((d) => d.diapers);
    values = { count: diapers, wet: sum((d) => d.wetDiapers), dirty: sum((d) => d.dirtyDiapers), avg: avg(diapers) };
  }
  return { text: t(key, values), citations: cite(cited) };
}

function answerBreast(ctx: Ctx): Part {
  const { t, locale } = ctx;
  const today = dayWindow(ctx.now, ctx.tz, ctx.data.dayStartHour).date;
  const from = shiftDate(today, -6);
  const days = dailyTotals({ entries: ctx.entries, timeZone: ctx.tz, dayStartHour: ctx.data.dayStartHour, from, to: today, now: ctx.now });
  const start = dayRangeOf(from, ctx.tz, ctx.data.dayStartHour).start.getTime();
  const breast = ctx.entries.filter((e) => e.type === "feeding" && e.details.method === "breast" && Date.parse(e.startedAt) >= start);
  if (breast.length === 0) return { text: t("answer.noData", { kind: "breast" }), citations: [] };
  const left = days.reduce((s, d) => s + d.breastLeftMinutes, 0);
  const right = days.reduce((s, d) => s + d.breastRightMinutes, 0);
  const lastSide = String(breast[breast.length - 1].details.lastSide ?? "none");
  return {
    text: t("answer.breastBalance", { left: formatNumber(left, locale), right: formatNumber(right, locale), lastSide }),
    citations: cite(breast),
  };
}

async function answerNext(ctx: Ctx, what: "feed" | "sleep"): Promise<Part> {
  const { t } = ctx;
  const p = await ctx.data.predictions();
  const lastFeed = ctx.entries.filter(isMilkFeed).at(-1);
  const sleeps = ctx.entries.filter((e) => e.type === "sleep");
  const lastSleep = sleeps.at(-1);
  if (what === "sleep" && !p.nextSleep && lastSleep && !lastSleep.endedAt)
    return { text: t("answer.asleepNow", { time: time(ctx, lastSleep.startedAt) }), citations: cite([lastSleep]) };
  const prediction = what === "feed" ? p.nextFeed : p.nextSleep;
  if (!prediction) return { text: t("answer.noPrediction", { kind: what }), citations: [] };
  const anchor = what === "feed" ? lastFeed : lastSleep;
  return {
    text: t(what === "feed" ? "answer.nextFeed" : "answer.nextSleep", {
      time: time(ctx, prediction.at),
      low: time(ctx, prediction.low),
      high: time(ctx, prediction.high),
    }),
    citations: anchor ? cite([anchor]) : [],
  };
}

async function answerGrowth(ctx: Ctx): Promise<Part> {
  const { t, locale } = ctx;
  const items = await ctx.data.growth();
  const latest = items.at(-1);
  if (!latest) return { text: t("answer.noData", { kind: "growth" }), citations: [] };
  const pct = (s: { percentile: number } | null) => (s ? formatNumber(s.percentile, locale) : "–");
  const parts: string[] = [];
  if (latest.weightGrams !== null)
    parts.push(t("answer.growthWeight", { kg: formatNumber(latest.weightGrams / 1000, locale, 2), p: pct(latest.weightForAge) }));
  if (latest.lengthMm !== null)
    parts.push(t("answer.growthLength", { cm: formatNumber(latest.lengthMm / 10, locale, 1), p: pct(latest.lengthForAge) }));
  if (latest.headMm !== null)
    parts.push(t("answer.growthHead", { cm: formatNumber(latest.headMm / 10, locale, 1), p: pct(latest.headForAge) }));
  const list = new Intl.ListFormat(locale, { type: "conjunction" }).format(parts);
  return {
    text: t("answer.growth", { date: formatDate(latest.measuredAt, { locale, timeZone: ctx.tz }), parts: list }),
    citations: [
      {
        id: latest.id,
        type: "growth",
        startedAt: latest.measuredAt,
        endedAt: null,
        details: { weightGrams: latest.weightGrams, lengthMm: latest.lengthMm, headMm: latest.headMm },
      },
    ],
  };
}

function answerNormal(ctx: Ctx, intent: Extract<Intent, { kind: "normal" }>): Part {
  const { t, data, now } = ctx;
  const ageDays = intent.ageDays ?? ageInDays(data.child.birthDate, now);
  // Without a number in the question: the last complete day of the log.
  const yesterday = dayWindow(now, ctx.tz, data.dayStartHour, -1).date;
  const age =
    ageDays < 14
      ? t("answer.ageDays", { days: ageDays })
      : ageDays < 91
        ? t("answer.ageWeeks", { weeks: Math.floor(ageDays / 7) })
        : t("answer.ageMonths", { months: Math.floor(ageDays / 30.44) });
  if (intent.metric === "wet_diapers") {
    if (ageDays > WET_CHECK_DAYS) return { text: t("answer.normalNoRange", { age }), citations: [] };
    const { days, cited } = intent.count === null ? totalsOf(ctx, yesterday, yesterday, "diapers") : { days: [], cited: [] };
    const count = intent.count ?? days.reduce((s, d) => s + d.wetDiapers, 0);
    const expected = expectedWetDiapers(Math.max(1, ageDays));
    return {
      text: t("answer.normalWet", {
        count,
        expected,
        age,
        verdict: count >= expected ? "ok" : "low",
        day: intent.count === null ? "yesterday" : "asked",
        source: ALERT_SOURCES.low_wet_diapers,
      }),
      citations: cite(cited.filter((e) => e.details.wet === true)),
    };
  }
  if (ageDays > FEEDS_PER_DAY.untilDays) return { text: t("answer.normalNoRange", { age }), citations: [] };
  const { days, cited } = intent.count === null ? totalsOf(ctx, yesterday, yesterday, "feeds") : { days: [], cited: [] };
  const count = intent.count ?? days.reduce((s, d) => s + d.feeds, 0);
  const verdict = count < FEEDS_PER_DAY.min ? "low" : count > FEEDS_PER_DAY.max ? "high" : "ok";
  return {
    text: t("answer.normalFeeds", {
      count,
      min: FEEDS_PER_DAY.min,
      max: FEEDS_PER_DAY.max,
      age,
      verdict,
      day: intent.count === null ? "yesterday" : "asked",
      source: ALERT_SOURCES.long_feed_gap,
    }),
    citations: cite(cited),
  };
}

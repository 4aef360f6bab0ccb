import { dayRangeOf, shiftDate } from "./day-range";
import {
  ageInDays,
  DAY_MS,
  HOUR_MS,
  isMilkFeed,
  liveSorted,
  MINUTE_MS,
  type AnalyticsChild,
  type AnalyticsEntry,
  type MessageValues,
} from "./types";
import { dayWindow, zonedInstant } from "@/lib/time/zoned";

export type AlertKind = "low_wet_diapers" | "birth_weight_not_regained" | "long_feed_gap" | "fever_under_3_months";
export type Alert = {
  kind: AlertKind;
  severity: "info" | "warning" | "urgent";
  childId: string;
  /** Stable per occurrence, so re-evaluating does not raise the same alert twice. */
  key: string;
  /** The child's local calendar date (YYYY-MM-DD) of what triggered it. */
  date: string;
  messageKey: string;
  values: MessageValues;
  /** The entries behind the alert (the fever reading, the feeds around the gap…). */
  activityIds: string[];
  /** The guideline the threshold comes from (the comments beside each rule have the full reference). */
  source: string;
};

export const ALERT_SOURCES: Record<AlertKind, string> = {
  low_wet_diapers: "NHS Start for Life; AAP HealthyChildren.org",
  birth_weight_not_regained: "AAP, Breastfeeding and the Use of Human Milk (2022)",
  long_feed_gap: "AAP HealthyChildren.org, How Often and How Much Should Your Baby Eat?",
  fever_under_3_months: "AAP HealthyChildren.org, Fever and Your Baby; NICE NG143",
};

/**
 * Wet diapers expected per day of life (day 1 = the birth date): about one per day of life up
 * to day 5, then at least six a day.
 * Sources: NHS, "Breastfeeding: is my baby getting enough milk?" (nhs.uk, Start for Life):
 * "at least 6 wet nappies a day from day 5"; AAP, HealthyChildren.org, "How to Tell if Your
 * Breastfed Baby is Getting Enough Milk": one wet diaper per day of life in the first days,
 * six or more a day from about day 5–6.
 */
export function expectedWetDiapers(dayOfLife: number): number {
  return Math.min(6, Math.max(1, dayOfLife));
}
/** Checked for the first eight weeks, while diapers are the best sign of intake. */
const WET_DIAPER_CHECK_DAYS = 56;

/**
 * Source: AAP, "Breastfeeding and the Use of Human Milk" (Pediatrics 2022;150(1):e2022057988)
 * and HealthyChildren.org: newborns lose up to 7–10% of birth weight and should be back to it
 * by 10–14 days; a baby who is not needs a feeding assessment.
 */
const BIRTH_WEIGHT_DAYS = 14;

/**
 * Source: AAP, HealthyChildren.org, "How Often and How Much Should Your Baby Eat?": newborns feed
 * 8–12 times a day, and in the first weeks should not go more than about 4 hours without
 * feeding (wake them to feed). A gap over 4 h in the first month is a warning.
 */
const FEED_GAP_MS = 4 * HOUR_MS;
const FEED_GAP_DAYS = 28;

/**
 * Source: AAP, HealthyChildren.org, "Fever and Your Baby": a temperature of 100.4 °F (38.0 °C)
 * or higher in a baby under 3 months needs a doctor right away; NICE NG143 (Fever in under 5s):
 * under 3 months with a temperature of 38 °C or higher is high risk ("red").
 */
const FEVER_CELSIUS = 38.0;
const FEVER_LOOKBACK_MS = DAY_MS;

function monthsOld(birthDate: string, at: number): boolean {
  // Under 3 calendar months: before the date three months after birth.
  const [y, m, d] = birthDate.split("-").map(Number);
  return at < Date.UTC(y, m - 1 + 3, d);
}

/**
 * Guardrail alerts for a child at `now`: what a pediatric source says needs attention, checked
 * against the log. Only what was logged is judged: a family that logs no diapers gets no
 * diaper alert.
 */
export function evaluateAlerts({
  activities,
  child,
  now,
  timeZone = child.timezone,
  birthWeightGrams,
}: {
  activities: AnalyticsEntry[];
  child: AnalyticsChild;
  now: Date;
  timeZone?: string;
  /** When the child record holds none, the first weight logged in the first 3 days is taken. */
  birthWeightGrams?: number | null;
}): Alert[] {
  const t = now.getTime();
  const live = liveSorted(activities).filter((e) => Date.parse(e.startedAt) <= t);
  const age = ageInDays(child.birthDate, now);
  const out: Alert[] = [];
  const dateOf = (iso: string | number) => dayWindow(new Date(iso), timeZone, 0).date;
  const alert = (a: Omit<Alert, "childId" | "messageKey" | "source">) =>
    out.push({ ...a, childId: child.id, messageKey: `alerts.${a.kind}`, source: ALERT_SOURCES[a.kind] });

  // Fever under 3 months: any reading in the last day (urgent).
  for (const e of live) {
    const at = Date.parse(e.startedAt);
    if (e.type !== "temperature" || t - at > FEVER_LOOKBACK_MS || !monthsOld(child.birthDate, at)) continue;
    const celsius = Number(e.details.celsius);
    if (celsius >= FEVER_CELSIUS)
      alert({
        kind: "fever_under_3_months",
        severity: "urgent",
        key: `fever_under_3_months:${e.id}`,
        date: dateOf(e.startedAt),
        values: { celsius },
        activityIds: [e.id],
      });
  }

  // Wet diapers: the last complete calendar day of life (midnight to midnight in the child's zone).
  const [by, bm, bd] = child.birthDate.split("-").map(Number);
  const birthStart = zonedInstant(timeZone, by, bm, bd).getTime();
  const dayOfLife = Math.floor((t - birthStart) / DAY_MS); // the last complete day of life
  if (dayOfLife >= 1 && dayOfLife <= WET_DIAPER_CHECK_DAYS) {
    const range = dayRangeOf(shiftDate(child.birthDate, dayOfLife - 1), timeZone, 0);
    const [s, e] = [range.start.getTime(), range.end.getTime()];
    const diapers = live.filter((x) => x.type === "diaper" && Date.parse(x.startedAt) >= s && Date.parse(x.startedAt) < e);
    const wet = diapers.filter((x) => x.details.wet === true);
    const expected = expectedWetDiapers(dayOfLife);
    if (diapers.length > 0 && wet.length < expected)
      alert({
        kind: "low_wet_diapers",
        severity: "warning",
        key: `low_wet_diapers:${range.date}`,
        date: range.date,
        values: { wet: wet.length, expected, dayOfLife },
        activityIds: wet.map((x) => x.id),
      });
  }

  // Birth weight by day 14: the newest weight from day 14 on is still below birth weight.
  const weights = live.filter((e) => e.type === "growth" && typeof e.details.weightGrams === "number");
  const birthEntry = weights.find((e) => ageInDays(child.birthDate, new Date(e.startedAt)) <= 3);
  const birth = birthWeightGrams ?? (birthEntry ? Number(birthEntry.details.weightGrams) : null);
  const latest = weights[weights.length - 1];
  if (birth && latest && age < 42) {
    const latestAge = ageInDays(child.birthDate, new Date(latest.startedAt));
    const grams = Number(latest.details.weightGrams);
    if (latestAge >= BIRTH_WEIGHT_DAYS && grams < birth)
      alert({
        kind: "birth_weight_not_regained",
        severity: "warning",
        key: `birth_weight_not_regained:${latest.id}`,
        date: dateOf(latest.startedAt),
        values: { grams, birthGrams: birth, days: latestAge },
        activityIds: [latest.id, ...(birthEntry ? [birthEntry.id] : [])],
      });
  }

  // Feed gaps in the first month: any gap over 4 h in the last day, the open one up to now included.
  if (age < FEED_GAP_DAYS) {
    const feeds = live.filter(isMilkFeed);
    const recent = feeds.filter((e) => t - Date.parse(e.startedAt) <= DAY_MS + FEED_GAP_MS);
    const points = recent.map((e) => ({ id: e.id as string | null, at: Date.parse(e.startedAt) }));
    if (points.length) points.push({ id: null, at: t });
    for (let i = 1; i < points.length; i++) {
      const gap = points[i].at - points[i - 1].at;
      if (gap > FEED_GAP_MS && t - points[i].at <= DAY_MS) {
        const ongoing = points[i].id === null;
        alert({
          kind: "long_feed_gap",
          severity: "warning",
          key: `long_feed_gap:${points[i - 1].id}`,
          date: dateOf(points[i - 1].at),
          values: { minutes: Math.round(gap / MINUTE_MS), ongoing: ongoing ? "yes" : "no" },
          activityIds: [points[i - 1].id, points[i].id].filter((x): x is string => x !== null),
        });
      }
    }
  }
  return out;
}

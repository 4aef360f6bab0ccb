import { HOUR_MS, MINUTE_MS } from "./types";

/**
 * Age-typical rhythms, used as a prior that the child's own history overrides as it grows.
 * Each row: up to `maxDays` of age, a typical value and an 80% range, day and night.
 */
export type PriorRow = { maxDays: number; day: [number, number, number]; night: [number, number, number] };

const h = (hours: number) => hours * HOUR_MS;
const m = (minutes: number) => minutes * MINUTE_MS;

/**
 * Start-to-start interval between milk feeds.
 * Sources: AAP, HealthyChildren.org, "How Often and How Much Should Your Baby Eat?" (2022) and
 * "Amount and Schedule of Baby Formula Feedings" (2024): newborns feed 8–12 times in 24 h (every
 * 2–3 h, at least every 4 h at first); formula every 3–4 h by 2 months; by 6 months 4–5 feeds a
 * day with solids, and many babies no longer feed at night in the second half of the first year.
 */
export const FEED_INTERVAL_PRIORS: PriorRow[] = [
  { maxDays: 30, day: [h(1.75), h(2.5), h(3.25)], night: [h(2), h(3), h(4)] },
  { maxDays: 60, day: [h(2.25), h(3), h(3.75)], night: [h(2.5), h(3.5), h(5)] },
  { maxDays: 120, day: [h(2.5), h(3.5), h(4.25)], night: [h(3), h(4.5), h(7)] },
  { maxDays: 180, day: [h(3), h(4), h(5)], night: [h(3.5), h(6), h(10)] },
  { maxDays: 365, day: [h(3), h(4), h(5)], night: [h(4), h(10), h(12.5)] },
  { maxDays: Infinity, day: [h(3), h(4), h(5.5)], night: [h(8), h(12), h(13)] },
];

/**
 * Wake windows (awake time from the end of one sleep to the start of the next).
 * Source: derived from Galland BC, Taylor BJ, Elder DE, Herbison P, "Normal sleep patterns in
 * infants and children: a systematic review of observational studies", Sleep Med Rev
 * 2012;16(3):213–222 — total sleep per 24 h and daytime naps by age — by sharing the waking hours
 * between the naps plus one; the result matches the wake-window ranges pediatric sleep programmes
 * publish (about 45–60 min for newborns, 1.5–2.5 h at 4–6 months, 3–4 h after the first year).
 * At night, wakings are short feeds, so the night window is shorter than the day's.
 */
export const WAKE_WINDOW_PRIORS: PriorRow[] = [
  { maxDays: 30, day: [m(35), m(50), m(75)], night: [m(30), m(45), m(70)] },
  { maxDays: 60, day: [m(50), m(70), m(95)], night: [m(35), m(55), m(85)] },
  { maxDays: 120, day: [m(70), m(90), m(125)], night: [m(40), m(70), m(110)] },
  { maxDays: 180, day: [m(90), m(120), m(160)], night: [m(45), m(90), m(150)] },
  { maxDays: 270, day: [m(120), m(150), m(190)], night: [m(60), m(120), m(180)] },
  { maxDays: 365, day: [m(150), m(185), m(245)], night: [m(60), m(150), m(240)] },
  { maxDays: 548, day: [m(180), m(240), m(310)], night: [m(60), m(180), m(300)] },
  { maxDays: Infinity, day: [m(280), m(330), m(380)], night: [m(60), m(240), m(360)] },
];

export function priorFor(rows: PriorRow[], ageDays: number, night: boolean): [number, number, number] {
  const row = rows.find((r) => ageDays <= r.maxDays) ?? rows[rows.length - 1];
  return night ? row.night : row.day;
}

import type { EntryLike } from "@/lib/activities/summary";

/** An activity as the analytics read it (an ActivityDto fits): the summary fields plus its id. */
export type AnalyticsEntry = EntryLike & { id: string };

/** The child fields the analytics need (a ChildDto fits). */
export type AnalyticsChild = {
  id: string;
  /** YYYY-MM-DD, the calendar date of birth. */
  birthDate: string;
  timezone: string;
  gestationalAgeWeeks?: number | null;
};

/** Parameters of a translatable message: numbers or short enum strings, never prose. */
export type MessageValues = Record<string, string | number>;

/** Text for people is a messages key plus its parameters, translated where it is shown. */
export type MessageRef = { key: string; values: MessageValues };

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Whole days since birth at `now` (day of life 1 is the birth date; this returns 0 then). */
export function ageInDays(birthDate: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${birthDate}T00:00:00Z`)) / DAY_MS);
}

/** The live entries (not deleted), oldest first. */
export function liveSorted<T extends EntryLike>(entries: T[]): T[] {
  return entries.filter((e) => !e.deletedAt).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

/** Breast and bottle feeds; solids are meals, not feeds. */
export const isMilkFeed = (e: EntryLike) => e.type === "feeding" && e.details.method !== "solids";

import type { Locale } from "@/lib/i18n/config";
import { serverTranslator } from "@/lib/i18n/messages";
import { MINUTE_MS } from "@/lib/analytics/types";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The assistant's translator (messages namespace "ai"). */
export function aiTranslator(locale: Locale): Translate {
  const t = serverTranslator(locale, "ai" as never) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return (key, values) => t(key, values);
}

/** A clock time in the child's zone, with the weekday when it is not on `now`'s date. */
export function formatTime(iso: string | number, { locale, timeZone, now }: { locale: Locale; timeZone: string; now: Date }): string {
  const at = new Date(iso);
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const sameDay = day(at) === day(now);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
    ...(sameDay ? {} : { weekday: "short" }),
  }).format(at);
}

export function formatDate(iso: string, { locale, timeZone }: { locale: Locale; timeZone: string }): string {
  return new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short", year: "numeric" }).format(new Date(iso));
}

/** "2 h 15 min" in the locale's words (ai.duration). */
export function formatDuration(ms: number, t: Translate): string {
  const total = Math.max(0, Math.round(ms / MINUTE_MS));
  return t("duration", { hours: Math.floor(total / 60), minutes: total % 60 });
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

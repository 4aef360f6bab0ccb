type Translate = (key: string, values?: Record<string, number>) => string;

/**
 * "12 min", "2 h 5 min", "3 d 4 h": the coarse durations of "time since". Under a minute it is
 * "just now" for a moment ago, and "< 1 min" for a span (asleep for).
 */
export function sinceText(totalSeconds: number, t: Translate, span = false): string {
  const minutes = Math.floor(Math.max(0, totalSeconds) / 60);
  if (minutes < 1) return t(span ? "duration.underMinute" : "duration.justNow");
  if (minutes < 60) return t("duration.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t("duration.hoursMinutes", { hours, minutes: minutes % 60 });
  return t("duration.daysHours", { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** "0 min", "45 min", "7 h 30 min": totals of a day, always in hours and minutes. */
export function totalText(totalSeconds: number, t: Translate): string {
  const minutes = Math.round(Math.max(0, totalSeconds) / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? t("duration.hoursMinutes", { hours, minutes: minutes % 60 }) : t("duration.minutes", { minutes });
}

import type { getTranslations } from "next-intl/server";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** Days for the first two weeks, then weeks to 13 weeks, then months (WHO's own tables switch the same way). */
export function growthAgeText(t: Translate, days: number): string {
  if (days < 14) return t("ageDays", { days });
  if (days < 91) return t("ageWeeks", { weeks: Math.floor(days / 7) });
  return t("ageMonths", { months: Math.round((days / 30.4375) * 10) / 10 });
}

/** Whole percentiles in the middle; one decimal in the tails, where whole numbers would read 0 or 100. */
export function percentileText(t: Translate, percentile: number): string {
  const p = percentile < 1 || percentile > 99 ? Math.min(99.9, Math.max(0.1, Math.round(percentile * 10) / 10)) : Math.round(percentile);
  return t("percentileValue", { p });
}

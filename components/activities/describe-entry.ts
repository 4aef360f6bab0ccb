import { getFormatter, getTranslations } from "next-intl/server";
import type { ActivityDto } from "@/lib/activities/schema";
import { entryKind, summarizeEntry } from "./entry-summary";
import type { SavedEntry } from "./quick-types";
import type { UnitSystem } from "./units";

/** The toast line for a saved entry ("Bottle saved · 120 ml formula") and its edit page. */
export async function savedEntry(activity: ActivityDto, { locale, units }: { locale: string; units: UnitSystem }): Promise<SavedEntry> {
  const [ta, tu, tq, format] = await Promise.all([
    getTranslations({ locale, namespace: "activity" }),
    getTranslations({ locale, namespace: "units" }),
    getTranslations({ locale, namespace: "quickLog" }),
    getFormatter({ locale }),
  ]);
  const summary = summarizeEntry(activity, {
    t: (key, values) => ta(key, values),
    tu: (key) => tu(key),
    number: (n) => format.number(n, { maximumFractionDigits: 2 }),
    units,
  });
  const kind = ta(`kinds.${entryKind(activity)}`);
  return {
    id: activity.id,
    message: summary ? tq("saved", { kind, summary }) : tq("savedPlain", { kind }),
    editHref: `/entries/${activity.id}/edit`,
  };
}

import type { ActivityDto } from "@/lib/activities/schema";
import type { LogKind } from "./log-fields";
import { displayUnit, fromStorage, type Quantity, type UnitSystem } from "./units";

type Values = Record<string, string | number>;
export type Translate = (key: string, values?: Values) => string;

type Context = {
  /** A translator over the "activity" namespace. */
  t: Translate;
  /** A translator over the "units" namespace. */
  tu: Translate;
  number: (value: number) => string;
  units: UnitSystem;
};

/** The form kind an entry was logged with: feedings by method, everything else by type. */
export function entryKind(activity: ActivityDto): LogKind {
  if (activity.type === "feeding") return activity.details.method as LogKind;
  return activity.type as LogKind;
}

/** A one-line, translated summary: "120 ml formula", "Left 10 min · Right 5 min", "Wet + dirty". */
export function summarizeEntry(activity: ActivityDto, ctx: Context): string {
  const d = activity.details as Record<string, unknown>;
  const { t } = ctx;
  const amount = (quantity: Quantity, value: unknown) =>
    typeof value === "number"
      ? t("summary.amount", { value: ctx.number(fromStorage(quantity, ctx.units, value)), unit: ctx.tu(displayUnit(quantity, ctx.units)) })
      : null;
  const minutes = (seconds: unknown) => (typeof seconds === "number" ? duration(seconds * 1000, t) : null);
  const join = (parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join(" · ");

  switch (entryKind(activity)) {
    case "bottle":
      return t("summary.bottle", { amount: amount("volume", d.amountMl) ?? "", milk: t(`milk.${String(d.milk)}`) });
    case "breast":
      return join([
        d.leftSeconds !== undefined && t("summary.side", { side: t("sides.left"), value: minutes(d.leftSeconds) ?? "" }),
        d.rightSeconds !== undefined && t("summary.side", { side: t("sides.right"), value: minutes(d.rightSeconds) ?? "" }),
        typeof d.lastSide === "string" && t("summary.lastSide", { side: t(`sides.${d.lastSide}`) }),
      ]);
    case "solids":
      return join([
        Array.isArray(d.foods) ? d.foods.join(", ") : null,
        amount("food", d.amountG),
        Array.isArray(d.allergens) &&
          d.allergens.length > 0 &&
          t("summary.allergens", { list: d.allergens.map((a) => t(`allergens.${String(a)}`)).join(", ") }),
      ]);
    case "sleep":
    case "tummy_time":
      return activity.endedAt
        ? duration(Date.parse(activity.endedAt) - Date.parse(activity.startedAt), t)
        : t(activity.type === "sleep" ? "summary.asleep" : "summary.ongoing");
    case "diaper":
      return join([
        t(`summary.diaper.${d.wet && d.dirty ? "both" : d.wet ? "wet" : d.dirty ? "dirty" : "dry"}`),
        d.rash === true && t("summary.rash"),
      ]);
    case "growth":
      return join([
        amount("weight", d.weightGrams),
        amount("length", d.lengthMm),
        d.headMm !== undefined && t("summary.head", { value: amount("length", d.headMm) ?? "" }),
      ]);
    case "pumping":
      return join([
        d.leftMl !== undefined && t("summary.side", { side: t("sides.left"), value: amount("volume", d.leftMl) ?? "" }),
        d.rightMl !== undefined && t("summary.side", { side: t("sides.right"), value: amount("volume", d.rightMl) ?? "" }),
      ]);
    case "medication":
      return t("summary.medication", { name: String(d.name), dose: ctx.number(Number(d.dose)), unit: t(`doseUnits.${String(d.unit)}`) });
    case "temperature":
      return amount("temperature", d.celsius) ?? "";
    case "note":
      return truncate(String(d.text ?? ""), 120);
  }
}

function duration(ms: number, t: Translate): string {
  const total = Math.max(0, Math.round(ms / 60_000));
  const hours = Math.floor(total / 60);
  return hours > 0 ? t("summary.hoursMinutes", { hours, minutes: total % 60 }) : t("summary.minutes", { minutes: total });
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

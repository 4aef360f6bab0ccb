import type { ActivityType } from "@/lib/activities/schema";
import { allergens } from "@/lib/activities/allergens";
import type { Quantity } from "./units";

/** One form per kind of entry; feeding splits by method because each has its own fields. */
export const logKinds = [
  "bottle",
  "breast",
  "solids",
  "diaper",
  "sleep",
  "pumping",
  "medication",
  "temperature",
  "growth",
  "tummy_time",
  "note",
] as const;
export type LogKind = (typeof logKinds)[number];

export const feedingMethods = ["bottle", "breast", "solids"] as const;
export type FeedingMethod = (typeof feedingMethods)[number];

/** A form input; `name` is the service's field path, so service errors land next to it. */
export type FieldSpec =
  | { name: string; kind: "number"; quantity?: Quantity; optional?: boolean }
  | { name: string; kind: "text" | "textarea"; optional?: boolean; hint?: boolean }
  | { name: string; kind: "choice"; options: readonly string[]; style: "radio" | "select"; optional?: boolean }
  | { name: string; kind: "checkbox" }
  /** Several checkboxes of one name; the submitted values travel comma-joined. */
  | { name: string; kind: "multi"; options: readonly string[] }
  | { name: string; kind: "datetime"; optional?: boolean; hint?: boolean };

const startedAt: FieldSpec = { name: "startedAt", kind: "datetime" };
const endedAt: FieldSpec = { name: "endedAt", kind: "datetime", optional: true, hint: true };
const notes: FieldSpec = { name: "notes", kind: "textarea", optional: true };

export const logFields: Record<LogKind, FieldSpec[]> = {
  bottle: [
    { name: "details.amountMl", kind: "number", quantity: "volume" },
    { name: "details.milk", kind: "choice", options: ["formula", "breast_milk", "mixed"], style: "radio" },
    startedAt,
    notes,
  ],
  breast: [
    { name: "details.leftSeconds", kind: "number", quantity: "duration", optional: true },
    { name: "details.rightSeconds", kind: "number", quantity: "duration", optional: true },
    { name: "details.lastSide", kind: "choice", options: ["left", "right"], style: "radio", optional: true },
    startedAt,
    endedAt,
    notes,
  ],
  solids: [
    { name: "details.foods", kind: "text", hint: true },
    { name: "details.amountG", kind: "number", quantity: "food", optional: true },
    { name: "details.reaction", kind: "choice", options: ["liked", "neutral", "disliked", "allergic"], style: "select", optional: true },
    { name: "details.allergens", kind: "multi", options: allergens },
    startedAt,
    notes,
  ],
  diaper: [
    { name: "details.kind", kind: "choice", options: ["wet", "dirty", "both", "dry"], style: "radio" },
    {
      name: "details.color",
      kind: "choice",
      options: ["yellow", "green", "brown", "black", "red", "white", "orange"],
      style: "select",
      optional: true,
    },
    {
      name: "details.consistency",
      kind: "choice",
      options: ["watery", "runny", "mushy", "soft", "formed", "hard"],
      style: "select",
      optional: true,
    },
    { name: "details.rash", kind: "checkbox" },
    startedAt,
    notes,
  ],
  sleep: [
    startedAt,
    endedAt,
    { name: "details.quality", kind: "choice", options: ["good", "fair", "poor"], style: "radio", optional: true },
    { name: "details.location", kind: "text", optional: true },
    notes,
  ],
  pumping: [
    { name: "details.leftMl", kind: "number", quantity: "volume", optional: true },
    { name: "details.rightMl", kind: "number", quantity: "volume", optional: true },
    startedAt,
    endedAt,
    notes,
  ],
  medication: [
    { name: "details.name", kind: "text" },
    { name: "details.dose", kind: "number" },
    { name: "details.unit", kind: "choice", options: ["ml", "mg", "drops", "tablet", "puff", "sachet", "iu"], style: "select" },
    startedAt,
    notes,
  ],
  temperature: [
    { name: "details.celsius", kind: "number", quantity: "temperature" },
    { name: "details.method", kind: "choice", options: ["rectal", "axillary", "oral", "ear", "forehead"], style: "select", optional: true },
    startedAt,
    notes,
  ],
  growth: [
    { name: "details.weightGrams", kind: "number", quantity: "weight", optional: true },
    { name: "details.lengthMm", kind: "number", quantity: "length", optional: true },
    // WHO: lying under 24 months, standing after; the growth scores adjust by 0.7 cm when it differs.
    { name: "details.lengthPosition", kind: "choice", options: ["recumbent", "standing"], style: "select", optional: true },
    { name: "details.headMm", kind: "number", quantity: "length", optional: true },
    startedAt,
    notes,
  ],
  tummy_time: [startedAt, endedAt, notes],
  note: [{ name: "details.text", kind: "textarea" }, startedAt],
};

export function activityTypeOf(kind: LogKind): ActivityType {
  return (feedingMethods as readonly string[]).includes(kind) ? "feeding" : (kind as ActivityType);
}

/** The form for a route `/log/[type]?method=`; null when the pair names none. */
export function logKindFor(type: string, method: string | undefined): LogKind | null {
  if (type === "feeding")
    return (feedingMethods as readonly string[]).includes(method ?? "bottle") ? ((method ?? "bottle") as LogKind) : null;
  return (logKinds as readonly string[]).includes(type) && !(feedingMethods as readonly string[]).includes(type) ? (type as LogKind) : null;
}

/** Service paths that have no input of their own, mapped to the input that sets them. */
export const fieldAliases: Record<string, string> = {
  "details.wet": "details.kind",
  "details.dirty": "details.kind",
};

/** The input an error path belongs to ("details.foods.0" → "details.foods"), or null. */
export function fieldForPath(kind: LogKind, path: string): string | null {
  const names = new Set(logFields[kind].map((f) => f.name));
  const segments = (fieldAliases[path] ?? path).split(".");
  while (segments.length > 0) {
    const candidate = segments.join(".");
    if (names.has(candidate)) return candidate;
    segments.pop();
  }
  return null;
}

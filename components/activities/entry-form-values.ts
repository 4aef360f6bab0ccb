import type { ActivityDto } from "@/lib/activities/schema";
import { logFields, type LogKind } from "./log-fields";
import { fromStorage, type UnitSystem } from "./units";
import { toLocalInput } from "./zoned-time";

/** An entry as its form's inputs show it: display units, the child's wall clock, lists joined. */
export function entryFormValues(activity: ActivityDto, kind: LogKind, units: UnitSystem, timeZone: string): Record<string, string> {
  const d = activity.details as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const field of logFields[kind]) {
    const key = field.name.startsWith("details.") ? field.name.slice("details.".length) : null;
    const raw = key ? d[key] : undefined;
    if (field.name === "startedAt") values.startedAt = toLocalInput(new Date(activity.startedAt), timeZone);
    else if (field.name === "endedAt") values.endedAt = activity.endedAt ? toLocalInput(new Date(activity.endedAt), timeZone) : "";
    else if (field.name === "notes") values.notes = activity.notes ?? "";
    else if (key === "kind") values[field.name] = d.wet && d.dirty ? "both" : d.wet ? "wet" : d.dirty ? "dirty" : "dry";
    else if (key === "foods") values[field.name] = Array.isArray(raw) ? raw.join(", ") : "";
    else if (field.kind === "multi") values[field.name] = Array.isArray(raw) ? raw.join(",") : "";
    else if (field.kind === "checkbox") values[field.name] = raw === true ? "on" : "";
    else if (field.kind === "number" && typeof raw === "number")
      values[field.name] = String(field.quantity ? fromStorage(field.quantity, units, raw) : raw);
    else values[field.name] = raw === undefined || raw === null ? "" : String(raw);
  }
  return values;
}

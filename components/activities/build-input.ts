import type { FieldIssue } from "@/lib/errors/app-error";
import { activityTypeOf, logFields, type LogKind } from "./log-fields";
import { toStorage, type UnitSystem } from "./units";
import { fromLocalInput } from "./zoned-time";

type Built = { input: Record<string, unknown>; issues: Record<string, FieldIssue> };

/**
 * Turns the submitted form of one kind of entry into the service's input: numbers parsed and
 * converted from display units to SI, times read in the child's zone, empty optionals dropped.
 * Only what a form cannot express is checked here; the service validates everything else.
 */
export function buildActivityInput({
  kind,
  values,
  units,
  timeZone,
  childId,
  id,
}: {
  kind: LogKind;
  values: Record<string, string>;
  units: UnitSystem;
  timeZone: string;
  childId: string;
  id?: string;
}): Built {
  const issues: Record<string, FieldIssue> = {};
  const details: Record<string, unknown> = {};
  const input: Record<string, unknown> = { childId, type: activityTypeOf(kind), details };
  if (id) input.id = id;
  if (activityTypeOf(kind) === "feeding") details.method = kind;

  for (const field of logFields[kind]) {
    const raw = (values[field.name] ?? "").trim();
    const key = field.name.startsWith("details.") ? field.name.slice("details.".length) : null;
    if (field.kind === "checkbox") {
      if (key && raw) details[key] = true;
      continue;
    }
    if (field.kind === "multi") {
      const chosen = raw
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
      if (key && chosen.length > 0) details[key] = chosen;
      continue;
    }
    if (raw === "") {
      if (!("optional" in field && field.optional)) issues[field.name] = { key: "required" };
      continue;
    }
    let value: unknown = raw;
    if (field.kind === "number") {
      const n = Number(raw.replace(",", "."));
      if (!Number.isFinite(n)) {
        issues[field.name] = { key: "invalid" };
        continue;
      }
      value = field.quantity ? toStorage(field.quantity, units, n) : n;
      if (field.quantity === "duration" || field.name === "details.weightGrams") value = Math.round(value as number);
    } else if (field.kind === "datetime") {
      const at = fromLocalInput(raw, timeZone);
      if (!at) {
        issues[field.name] = { key: "invalid" };
        continue;
      }
      value = at.toISOString();
    }
    if (key === null) input[field.name] = value;
    else if (key === "kind") Object.assign(details, diaperFlags(raw));
    else if (key === "foods")
      details.foods = raw
        .split(/[,;\n]/)
        .map((f) => f.trim())
        .filter(Boolean);
    else details[key] = value;
  }
  return { input, issues };
}

function diaperFlags(kind: string): { wet: boolean; dirty: boolean } {
  return { wet: kind === "wet" || kind === "both", dirty: kind === "dirty" || kind === "both" };
}

/** Multi-choice fields arrive as several values of one name; the builder reads them comma-joined. */
export function withMultiValues(kind: LogKind, formData: FormData, values: Record<string, string>): Record<string, string> {
  const out = { ...values };
  for (const field of logFields[kind]) {
    if (field.kind === "multi")
      out[field.name] = formData
        .getAll(field.name)
        .filter((v) => typeof v === "string")
        .join(",");
  }
  return out;
}

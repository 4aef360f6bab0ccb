import { buildActivityInput } from "@/components/activities/build-input";
import { logFields, type LogKind } from "@/components/activities/log-fields";
import type { UnitSystem } from "@/components/activities/units";
import type { ActivityPatch } from "@/lib/sync/ops";

/**
 * The per-field patch of an edit made on the device: only the fields whose form value differs
 * from what the form showed, so that two caregivers editing different fields of one entry both
 * keep their change after the merge (docs/SYNC.md, rule 1). Null when nothing changed.
 */
export function editPatch({
  kind,
  values,
  shown,
  units,
  timeZone,
  childId,
}: {
  kind: LogKind;
  values: Record<string, string>;
  shown: Record<string, string>;
  units: UnitSystem;
  timeZone: string;
  childId: string;
}): { patch: ActivityPatch | null; invalid: string[] } {
  const { input, issues } = buildActivityInput({ kind, values, units, timeZone, childId });
  if (Object.keys(issues).length > 0) return { patch: null, invalid: Object.keys(issues) };
  const built = input as { startedAt?: string; endedAt?: string; notes?: string; details: Record<string, unknown> };
  const changed = (name: string) => (values[name] ?? "").trim() !== (shown[name] ?? "").trim();
  const patch: ActivityPatch = {};
  const details: Record<string, unknown> = {};
  for (const field of logFields[kind]) {
    if (!changed(field.name)) continue;
    if (field.name === "startedAt") patch.startedAt = built.startedAt;
    else if (field.name === "endedAt") patch.endedAt = built.endedAt ?? null;
    else if (field.name === "notes") patch.notes = built.notes ?? null;
    else if (field.name === "details.kind") {
      // The diaper's one choice writes two keys.
      details.wet = built.details.wet;
      details.dirty = built.details.dirty;
    } else if (field.name.startsWith("details.")) {
      const key = field.name.slice("details.".length);
      details[key] = built.details[key] ?? null;
    }
  }
  if (Object.keys(details).length > 0) patch.details = details;
  return { patch: Object.keys(patch).length > 0 ? patch : null, invalid: [] };
}

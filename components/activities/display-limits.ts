import type { FieldIssue } from "@/lib/errors/app-error";
import { logFields, type LogKind } from "./log-fields";
import { fromStorage, type UnitSystem } from "./units";

/** Limits come back in SI; say them in the units the user typed in ("at most 16.9" oz). */
export function inDisplayUnits(kind: LogKind, units: UnitSystem) {
  return (field: string, issue: FieldIssue): FieldIssue => {
    const spec = logFields[kind].find((f) => f.name === field);
    const limit = issue.params?.limit;
    if (!spec || spec.kind !== "number" || !spec.quantity || typeof limit !== "number") return issue;
    return { ...issue, params: { ...issue.params, limit: fromStorage(spec.quantity, units, limit) } };
  };
}

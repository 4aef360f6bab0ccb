import type { FieldIssue } from "@/lib/errors/app-error";

/**
 * The child form's text values as service input. An empty gestational age means "not given"
 * when adding and "clear it" when editing; anything but whole weeks is refused here, since
 * Number("3.5e1") would slip through as a valid week count.
 */
export function childInput(values: Record<string, string>, { editing }: { editing: boolean }) {
  const weeks = values.gestationalAgeWeeks?.trim();
  const issues: Record<string, FieldIssue> = {};
  if (weeks && !/^\d+$/.test(weeks)) issues.gestationalAgeWeeks = { key: "invalid" };
  const input = {
    name: values.name ?? "",
    birthDate: values.birthDate ?? "",
    sex: values.sex,
    timezone: values.timezone?.trim() || undefined,
    gestationalAgeWeeks: weeks ? Number(weeks) : editing ? null : undefined,
  };
  return { input, issues };
}

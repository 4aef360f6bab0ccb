"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { getChild } from "@/lib/children/service";
import { getMe } from "@/lib/users/service";
import { createActivity, deleteActivity } from "@/lib/activities/service";
import type { FieldIssue } from "@/lib/errors/app-error";
import { uuidParam } from "@/lib/http/request";
import type { FormState } from "@/components/forms/form-state";
import { buildActivityInput } from "@/components/activities/build-input";
import { fieldForPath, logFields, logKinds, type LogKind } from "@/components/activities/log-fields";
import { fromStorage, type UnitSystem } from "@/components/activities/units";
import { actionLocale, errorState, fieldErrorState, formValues } from "../action-state";

/** Limits come back in SI; say them in the units the user typed in. */
function inDisplayUnits(kind: LogKind, units: UnitSystem) {
  return (field: string, issue: FieldIssue): FieldIssue => {
    const spec = logFields[kind].find((f) => f.name === field);
    const limit = issue.params?.limit;
    if (!spec || spec.kind !== "number" || !spec.quantity || typeof limit !== "number") return issue;
    return { ...issue, params: { ...issue.params, limit: fromStorage(spec.quantity, units, limit) } };
  };
}

export async function logEntryAction(_state: FormState, formData: FormData): Promise<FormState> {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  const values = formValues(formData);
  const kind = values.kind as LogKind;
  if (!logKinds.includes(kind)) return fieldErrorState({ kind: { key: "unknown_type" } }, { locale, values, fieldFor: () => null });
  let childId: string;
  try {
    const [child, me] = await Promise.all([getChild({ actor, childId: uuidParam(values.childId, "child") }), getMe({ actor })]);
    childId = child.id;
    const units = me.user.settings.units;
    const options = { locale, values, fieldFor: (path: string) => fieldForPath(kind, path), adjust: inDisplayUnits(kind, units) };
    const { input, issues } = buildActivityInput({
      kind,
      values,
      units,
      timeZone: child.timezone,
      childId: child.id,
      id: values.id || undefined,
    });
    if (Object.keys(issues).length > 0) return fieldErrorState(issues, options);
    try {
      await createActivity({ actor, input });
    } catch (error) {
      return errorState(error, options);
    }
  } catch (error) {
    return errorState(error, { locale, values });
  }
  revalidatePath("/", "layout");
  redirect(`/${locale}?child=${childId}`);
}

export async function deleteEntryAction(_state: FormState, formData: FormData): Promise<FormState> {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  try {
    await deleteActivity({ actor, id: uuidParam(String(formData.get("id") ?? ""), "activity") });
  } catch (error) {
    return errorState(error, { locale });
  }
  revalidatePath("/", "layout");
  return { status: "idle" };
}

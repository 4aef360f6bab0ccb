"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { getChild } from "@/lib/children/service";
import { getMe } from "@/lib/users/service";
import { getActivity, updateActivity } from "@/lib/activities/service";
import { uuidParam } from "@/lib/http/request";
import type { FormState } from "@/components/forms/form-state";
import { buildActivityInput, withMultiValues } from "@/components/activities/build-input";
import { inDisplayUnits } from "@/components/activities/display-limits";
import { entryFormValues } from "@/components/activities/entry-form-values";
import { entryKind } from "@/components/activities/entry-summary";
import { fieldForPath, logFields } from "@/components/activities/log-fields";
import type { SimpleResult } from "@/components/activities/quick-types";
import { actionLocale, errorState, fieldErrorState, formValues } from "../action-state";

/**
 * Saves an edited entry with the version the form was opened at: when someone else changed it
 * meanwhile the service answers conflict:version, and the form keeps what was typed.
 */
export async function updateEntryAction(_state: FormState, formData: FormData): Promise<FormState> {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  let values = formValues(formData);
  let childId: string;
  try {
    const current = await getActivity({ actor, id: uuidParam(values.entryId, "activity") });
    const kind = entryKind(current);
    values = withMultiValues(kind, formData, values);
    const [child, me] = await Promise.all([getChild({ actor, childId: current.childId }), getMe({ actor })]);
    childId = child.id;
    const units = me.user.settings.units;
    const options = { locale, values, fieldFor: (path: string) => fieldForPath(kind, path), adjust: inDisplayUnits(kind, units) };
    const { input, issues } = buildActivityInput({ kind, values, units, timeZone: child.timezone, childId: child.id });
    if (Object.keys(issues).length > 0) return fieldErrorState(issues, options);

    // What the form showed and was left as is keeps its stored precision (seconds, tenths of a ml).
    const shown = entryFormValues(current, kind, units, child.timezone);
    const unchanged = (name: string) => (values[name] ?? "").trim() === (shown[name] ?? "");
    const details = input.details as Record<string, unknown>;
    for (const field of logFields[kind]) {
      if (field.kind !== "number" || !field.name.startsWith("details.") || !unchanged(field.name)) continue;
      const key = field.name.slice("details.".length);
      if (key in current.details) details[key] = current.details[key];
    }
    const has = (name: string) => logFields[kind].some((f) => f.name === name);
    const patch = {
      version: Number(values.version),
      startedAt: unchanged("startedAt") ? current.startedAt : input.startedAt,
      ...(has("endedAt") && { endedAt: unchanged("endedAt") ? current.endedAt : ((input.endedAt as string | undefined) ?? null) }),
      details,
      ...(has("notes") && { notes: (input.notes as string | undefined) ?? null }),
    };
    try {
      await updateActivity({ actor, id: current.id, input: patch });
    } catch (error) {
      return errorState(error, options);
    }
  } catch (error) {
    return errorState(error, { locale, values });
  }
  revalidatePath("/", "layout");
  redirect(`/${locale}?child=${childId}`);
}

/** Ends an open entry now: "Wake up" for a sleep that was logged without a timer. */
export async function finishEntryAction(input: { id: string; version: number }): Promise<SimpleResult> {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  try {
    await updateActivity({
      actor,
      id: uuidParam(String(input?.id), "activity"),
      input: { version: input?.version, endedAt: new Date().toISOString() },
    });
  } catch (error) {
    revalidatePath("/", "layout");
    const state = errorState(error, { locale });
    return { status: "error", message: [state.message, ...Object.values(state.fields ?? {})].filter(Boolean).join(" ") };
  }
  revalidatePath("/", "layout");
  return { status: "ok" };
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sessionActor } from "@/lib/auth/resolve";
import type { Actor } from "@/lib/auth/actor";
import { getChild } from "@/lib/children/service";
import { getMe } from "@/lib/users/service";
import { createActivity, deleteActivity, restoreActivity } from "@/lib/activities/service";
import { uuidParam } from "@/lib/http/request";
import type { FormState } from "@/components/forms/form-state";
import { buildActivityInput, withMultiValues } from "@/components/activities/build-input";
import { savedEntry } from "@/components/activities/describe-entry";
import { fieldForPath, logKinds, type LogKind } from "@/components/activities/log-fields";
import type { QuickLogInput, QuickResult, SimpleResult } from "@/components/activities/quick-types";
import { inDisplayUnits } from "@/components/activities/display-limits";
import { toLocalInput } from "@/components/activities/zoned-time";
import { actionLocale, errorState, fieldErrorState, formValues } from "../action-state";

export async function logEntryAction(_state: FormState, formData: FormData): Promise<FormState> {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  const kind = String(formData.get("kind") ?? "") as LogKind;
  if (!logKinds.includes(kind)) {
    return fieldErrorState({ kind: { key: "unknown_type" } }, { locale, values: formValues(formData), fieldFor: () => null });
  }
  const values = withMultiValues(kind, formData, formValues(formData));
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

/**
 * One-tap logging from home (a diaper, a bottle at the last amount): the same conversion and
 * validation as the forms, timed "now" unless the values say otherwise.
 */
export async function quickLogAction(raw: QuickLogInput): Promise<QuickResult> {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  const kind = raw?.kind;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw?.values ?? {})) if (typeof value === "string") values[key] = value;
  if (!logKinds.includes(kind)) {
    return { ...fieldErrorState({ kind: { key: "unknown_type" } }, { locale, values, fieldFor: () => null }), status: "error" };
  }
  try {
    const [child, me] = await Promise.all([getChild({ actor, childId: uuidParam(String(raw.childId), "child") }), getMe({ actor })]);
    const units = me.user.settings.units;
    const now = new Date();
    const options = { locale, values, fieldFor: (path: string) => fieldForPath(kind, path), adjust: inDisplayUnits(kind, units) };
    const { input, issues } = buildActivityInput({
      kind,
      values: { startedAt: toLocalInput(now, child.timezone), ...values },
      units,
      timeZone: child.timezone,
      childId: child.id,
      id: typeof raw.id === "string" ? raw.id : undefined,
    });
    if (!values.startedAt) input.startedAt = now.toISOString();
    if (Object.keys(issues).length > 0) return { ...fieldErrorState(issues, options), status: "error" };
    try {
      const { activity } = await createActivity({ actor, input });
      revalidatePath("/", "layout");
      return { status: "ok", entry: await savedEntry(activity, { locale, units }) };
    } catch (error) {
      return { ...errorState(error, options), status: "error" };
    }
  } catch (error) {
    return { ...errorState(error, { locale, values }), status: "error" };
  }
}

/** The list's delete form; the button then offers an undo through restoreEntryAction. */
export async function deleteEntryAction(_state: FormState, formData: FormData): Promise<FormState> {
  const result = await removeEntryAction(String(formData.get("id") ?? ""));
  return result.status === "ok" ? { status: "idle", message: undefined } : { status: "error", message: result.message };
}

export async function removeEntryAction(id: string): Promise<SimpleResult> {
  return entryChange(id, (actor, entryId) => deleteActivity({ actor, id: entryId }));
}

export async function restoreEntryAction(id: string): Promise<SimpleResult> {
  return entryChange(id, (actor, entryId) => restoreActivity({ actor, id: entryId }));
}

async function entryChange(id: string, change: (actor: Actor, id: string) => Promise<unknown>): Promise<SimpleResult> {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  try {
    await change(actor, uuidParam(String(id), "activity"));
  } catch (error) {
    const message = errorState(error, { locale }).message;
    return { status: "error", message: message ?? (await getTranslations({ locale, namespace: "forms" }))("checkFields") };
  }
  revalidatePath("/", "layout");
  return { status: "ok" };
}

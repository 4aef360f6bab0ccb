"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { createChild, deleteChild, getChild, updateChild } from "@/lib/children/service";
import { AppError } from "@/lib/errors/app-error";
import { uuidParam } from "@/lib/http/request";
import { serverTranslator } from "@/lib/i18n/messages";
import type { FormState } from "@/components/forms/form-state";
import { actionLocale, errorState, fieldErrorState, formValues } from "../action-state";
import { childInput } from "./child-input";

async function signedIn() {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  return { locale, actor };
}

export async function createChildAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  const { input, issues } = childInput(values, { editing: false });
  if (Object.keys(issues).length > 0) return fieldErrorState(issues, { locale, values });
  let childId: string;
  try {
    childId = (await createChild({ actor, input: { ...input, familyId: values.familyId } })).id;
  } catch (error) {
    return errorState(error, { locale, values });
  }
  revalidatePath("/", "layout");
  redirect(`/${locale}?child=${childId}`);
}

export async function updateChildAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  const { input, issues } = childInput(values, { editing: true });
  if (Object.keys(issues).length > 0) return fieldErrorState(issues, { locale, values });
  let familyId: string;
  try {
    const version = Number(values.version);
    const child = await updateChild({
      actor,
      childId: uuidParam(values.childId, "child"),
      input: { ...input, version: Number.isInteger(version) && version > 0 ? version : undefined },
    });
    familyId = child.familyId;
  } catch (error) {
    // Someone saved first: say so in the child's terms, and keep what this person typed.
    if (error instanceof AppError && error.code === "conflict:version") {
      return { status: "error", message: serverTranslator(locale, "children")("editConflict"), values };
    }
    return errorState(error, { locale, values });
  }
  revalidatePath("/", "layout");
  redirect(`/${locale}/family?family=${familyId}`);
}

export async function deleteChildAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { locale, actor } = await signedIn();
  let familyId: string;
  try {
    const childId = uuidParam(String(formData.get("childId") ?? ""), "child");
    familyId = (await getChild({ actor, childId })).familyId;
    await deleteChild({ actor, childId });
  } catch (error) {
    return errorState(error, { locale });
  }
  revalidatePath("/", "layout");
  redirect(`/${locale}/family?family=${familyId}`);
}

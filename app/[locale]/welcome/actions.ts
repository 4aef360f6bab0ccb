"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { renameFamily } from "@/lib/families/service";
import { createChild } from "@/lib/children/service";
import { uuidParam } from "@/lib/http/request";
import type { FormState } from "@/components/forms/form-state";
import type { SavedState } from "@/components/family/rename-family-form";
import { actionLocale, errorState, fieldErrorState, formValues } from "../action-state";
import { childInput } from "../children/child-input";

async function signedIn() {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  return { locale, actor };
}

/** Step 1: the family's name, then on to the child. */
export async function nameFamilyAction(_state: FormState, formData: FormData): Promise<SavedState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  try {
    await renameFamily({ actor, familyId: uuidParam(values.familyId, "family"), input: { name: values.name ?? "" } });
  } catch (error) {
    return errorState(error, { locale, values });
  }
  revalidatePath("/", "layout");
  redirect(`/${locale}/welcome?step=child`);
}

/** Step 2: the first child, then on to the first entry. */
export async function addFirstChildAction(_state: FormState, formData: FormData): Promise<FormState> {
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
  redirect(`/${locale}/welcome?step=log&child=${childId}`);
}

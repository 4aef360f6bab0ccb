"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { createChild } from "@/lib/children/service";
import type { FormState } from "@/components/forms/form-state";
import { actionLocale, errorState, fieldErrorState, formValues } from "../action-state";

export async function createChildAction(_state: FormState, formData: FormData): Promise<FormState> {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  const values = formValues(formData);
  const weeks = values.gestationalAgeWeeks?.trim();
  if (weeks && !/^\d+$/.test(weeks)) {
    return fieldErrorState({ gestationalAgeWeeks: { key: "invalid" } }, { locale, values });
  }
  let childId: string;
  try {
    const child = await createChild({
      actor,
      input: {
        familyId: values.familyId,
        name: values.name ?? "",
        birthDate: values.birthDate ?? "",
        sex: values.sex,
        timezone: values.timezone?.trim() || undefined,
        gestationalAgeWeeks: weeks ? Number(weeks) : undefined,
      },
    });
    childId = child.id;
  } catch (error) {
    return errorState(error, { locale, values });
  }
  revalidatePath("/", "layout");
  redirect(`/${locale}?child=${childId}`);
}

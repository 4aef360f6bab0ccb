"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { acceptInvite } from "@/lib/families/service";
import type { FormState } from "@/components/forms/form-state";
import { actionLocale, errorState } from "../action-state";

export async function acceptInviteAction(_state: FormState, formData: FormData): Promise<FormState> {
  const locale = await actionLocale();
  const code = String(formData.get("code") ?? "");
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/invite/${code}`)}`);
  try {
    await acceptInvite({ actor, code });
  } catch (error) {
    return errorState(error, { locale });
  }
  revalidatePath("/", "layout");
  redirect(`/${locale}`);
}

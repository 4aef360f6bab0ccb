"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import QRCode from "qrcode";
import { sessionActor } from "@/lib/auth/resolve";
import { changeMemberRole, createFamily, createInvite, deleteFamily, removeMember, renameFamily } from "@/lib/families/service";
import { uuidParam } from "@/lib/http/request";
import type { FormState } from "@/components/forms/form-state";
import type { InviteState } from "@/components/family/invite-form";
import type { SavedState } from "@/components/family/rename-family-form";
import { actionLocale, errorState, formValues } from "../action-state";

async function signedIn() {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/family`)}`);
  return { locale, actor };
}

export async function renameFamilyAction(_state: FormState, formData: FormData): Promise<SavedState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  try {
    await renameFamily({ actor, familyId: uuidParam(values.familyId, "family"), input: { name: values.name ?? "" } });
  } catch (error) {
    return errorState(error, { locale, values });
  }
  revalidatePath("/", "layout");
  return { status: "idle", saved: true };
}

/** For someone who left every family: a new one, owned by them. */
export async function createFamilyAction(_state: FormState, formData: FormData): Promise<SavedState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  let familyId: string;
  try {
    familyId = (await createFamily({ actor, input: { name: values.name ?? "" } })).id;
  } catch (error) {
    return errorState(error, { locale, values });
  }
  revalidatePath("/", "layout");
  redirect(`/${locale}/family?family=${familyId}`);
}

export async function createInviteAction(_state: FormState, formData: FormData): Promise<InviteState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  try {
    const invite = await createInvite({
      actor,
      familyId: uuidParam(values.familyId, "family"),
      input: { role: values.role, email: values.email?.trim() || undefined },
    });
    // Made here, on the server: no QR code library in the browser bundle.
    const svg = await QRCode.toString(invite.url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    const qrDataUri = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    return { status: "idle", values, invite: { url: invite.url, role: invite.role, expiresAt: invite.expiresAt, qrDataUri } };
  } catch (error) {
    return errorState(error, { locale, values, fieldFor: (path) => (path === "role" || path === "email" ? path : null) });
  }
}

export async function changeRoleAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  try {
    await changeMemberRole({
      actor,
      familyId: uuidParam(values.familyId, "family"),
      userId: uuidParam(values.userId, "member"),
      input: { role: values.role },
    });
  } catch (error) {
    return errorState(error, { locale, values, fieldFor: () => null });
  }
  revalidatePath("/", "layout");
  return { status: "idle" };
}

export async function removeMemberAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  try {
    await removeMember({ actor, familyId: uuidParam(values.familyId, "family"), userId: uuidParam(values.userId, "member") });
  } catch (error) {
    return errorState(error, { locale, values });
  }
  revalidatePath("/", "layout");
  return { status: "idle" };
}

export async function leaveFamilyAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  try {
    await removeMember({ actor, familyId: uuidParam(values.familyId, "family"), userId: actor.userId });
  } catch (error) {
    return errorState(error, { locale, values });
  }
  revalidatePath("/", "layout");
  redirect(`/${locale}/family`);
}

export async function deleteFamilyAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  try {
    await deleteFamily({ actor, familyId: uuidParam(values.familyId, "family") });
  } catch (error) {
    return errorState(error, { locale, values });
  }
  revalidatePath("/", "layout");
  redirect(`/${locale}/family`);
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { changePassword, createAccessToken, revokeAccessToken, updateMe } from "@/lib/users/service";
import { isLocale } from "@/lib/i18n/config";
import { serverTranslator } from "@/lib/i18n/messages";
import { uuidParam } from "@/lib/http/request";
import { isTheme, setThemeCookie } from "@/lib/ui/theme";
import type { FormState } from "@/components/forms/form-state";
import type { SettingsState } from "@/components/settings/preferences-form";
import type { TokenState } from "@/components/settings/token-form";
import { actionLocale, actionMeta, errorState, formValues } from "../action-state";

async function signedIn() {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/settings`)}`);
  return { locale, actor };
}

const settingsField = (path: string) => path.replace(/^settings\./, "");

/** Saves units, day start, language and theme; a new language moves the page to that language. */
export async function savePreferencesAction(_state: FormState, formData: FormData): Promise<SettingsState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  const hour = values.dayStartHour?.trim();
  const settings = {
    units: values.units,
    dayStartHour: hour && /^\d+$/.test(hour) ? Number(hour) : hour,
    locale: values.locale,
    theme: values.theme,
  };
  try {
    await updateMe({ actor, input: { settings } });
  } catch (error) {
    return errorState(error, { locale, values, fieldFor: settingsField });
  }
  // The cookie makes the next paint right on this device; the setting follows the account.
  if (isTheme(values.theme)) await setThemeCookie(values.theme);
  revalidatePath("/", "layout");
  if (isLocale(values.locale) && values.locale !== locale) redirect(`/${values.locale}/settings`);
  return { status: "idle", saved: true, values };
}

export async function changePasswordAction(_state: FormState, formData: FormData): Promise<SettingsState> {
  const { locale, actor } = await signedIn();
  try {
    await changePassword({
      actor,
      input: { currentPassword: String(formData.get("currentPassword") ?? ""), newPassword: String(formData.get("newPassword") ?? "") },
      meta: await actionMeta(),
    });
  } catch (error) {
    const state = errorState(error, { locale, values: {} });
    // The service only says the current password is "invalid"; say what that means here.
    if (state.fields?.currentPassword) state.fields.currentPassword = serverTranslator(locale, "settings")("password.wrongCurrent");
    return state;
  }
  return { status: "idle", saved: true };
}

export async function createTokenAction(_state: FormState, formData: FormData): Promise<TokenState> {
  const { locale, actor } = await signedIn();
  const values = formValues(formData);
  try {
    const created = await createAccessToken({ actor, input: { label: values.label ?? "" }, meta: await actionMeta() });
    revalidatePath(`/${locale}/settings`);
    return { status: "idle", created: { token: created.token, label: created.label } };
  } catch (error) {
    return errorState(error, { locale, values });
  }
}

export async function revokeTokenAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { locale, actor } = await signedIn();
  try {
    await revokeAccessToken({ actor, id: uuidParam(String(formData.get("id") ?? ""), "token"), meta: await actionMeta() });
  } catch (error) {
    return errorState(error, { locale });
  }
  revalidatePath(`/${locale}/settings`);
  return { status: "idle" };
}

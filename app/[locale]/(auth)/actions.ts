"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/next-auth";
import { getMe, registerUser } from "@/lib/users/service";
import { setThemeCookie } from "@/lib/ui/theme";
import { enforceRateLimits } from "@/lib/http/rate-limit";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/config";
import type { FormState } from "@/components/forms/form-state";
import { actionLocale, actionMeta, errorState, formValues, safeNext } from "../action-state";
import { freshSessionActor } from "./fresh-session";

/** The stricter per-IP bucket the REST register/token endpoints use. */
async function limitAuthAttempts() {
  const { ip = "direct" } = await actionMeta();
  await enforceRateLimits([{ key: `auth-ip:${ip}`, limit: env().RATE_LIMIT_AUTH_IP }]);
}

async function signInWithPassword(email: string, password: string) {
  await signIn("credentials", { email, password, redirect: false });
}

/**
 * Brings the account's theme to this device (the cookie paints the first frame) and returns the
 * account's language. Best effort: signing in has already worked.
 */
async function adoptAccountSettings(fallback: Locale): Promise<Locale> {
  try {
    const actor = await freshSessionActor();
    if (!actor) return fallback;
    const { user } = await getMe({ actor });
    await setThemeCookie(user.settings.theme);
    return user.settings.locale;
  } catch (error) {
    console.error("[sign-in] could not apply the account's settings", error);
    return fallback;
  }
}

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  const locale = await actionLocale();
  const values = formValues(formData);
  try {
    await limitAuthAttempts();
    await signInWithPassword(values.email ?? "", String(formData.get("password") ?? ""));
  } catch (error) {
    if (error instanceof AuthError) {
      // Auth.js reports a lockout as CredentialsSignin with code "locked" (lib/auth/next-auth.ts).
      const code = (error as AuthError & { code?: string }).code === "locked" ? "rate_limited:sign_in" : "unauthorized:credentials";
      return errorState(new AppError(code), { locale, values });
    }
    return errorState(error, { locale, values });
  }
  const accountLocale = await adoptAccountSettings(locale);
  redirect(values.next ? safeNext(values.next, locale) : `/${accountLocale}`);
}

export async function signUpAction(_state: FormState, formData: FormData): Promise<FormState> {
  const locale = await actionLocale();
  const values = formValues(formData);
  const password = String(formData.get("password") ?? "");
  try {
    await limitAuthAttempts();
    await registerUser({ input: { name: values.name, email: values.email, password, locale }, meta: await actionMeta() });
    await signInWithPassword(values.email ?? "", password);
  } catch (error) {
    return errorState(error, { locale, values, fieldFor: (path) => (["name", "email", "password"].includes(path) ? path : null) });
  }
  // From an invite link: straight back to it. Otherwise: name the family, add the baby, log.
  redirect(values.next ? safeNext(values.next, locale) : `/${locale}/welcome`);
}

export async function signOutAction() {
  const locale = await actionLocale();
  await signOut({ redirectTo: `/${locale}/sign-in` });
}

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { AppError, translateField, type FieldIssue } from "@/lib/errors/app-error";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { requestMeta } from "@/lib/http/request";
import { serverTranslator } from "@/lib/i18n/messages";
import type { RequestMeta } from "@/lib/auth/audit";
import type { FormState } from "@/components/forms/form-state";

/** Shared plumbing of the server actions: locale, request meta, and AppError → form state. */

export async function actionLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : defaultLocale;
}

export async function actionMeta(): Promise<RequestMeta> {
  return requestMeta(new Request("http://action.local/", { headers: await headers() }));
}

/** The submitted text values, minus React's action fields and anything secret. */
export function formValues(formData: FormData, omit: string[] = ["password"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || omit.includes(key)) continue;
    values[key] = value;
  }
  return values;
}

type ErrorOptions = {
  locale: Locale;
  values?: Record<string, string>;
  /** The input a service path belongs to; null puts the error in the form message. */
  fieldFor?: (path: string) => string | null;
  /** Lets a form restate an issue in its own terms (e.g. a limit in the user's units). */
  adjust?: (field: string, issue: FieldIssue) => FieldIssue;
};

export function fieldErrorState(issues: Record<string, FieldIssue>, options: ErrorOptions): FormState {
  const fields: Record<string, string> = {};
  const loose: string[] = [];
  for (const [path, issue] of Object.entries(issues)) {
    const field = options.fieldFor ? options.fieldFor(path) : path;
    const text = translateField(options.locale, field && options.adjust ? options.adjust(field, issue) : issue);
    if (field) fields[field] ??= text;
    else loose.push(text);
  }
  const message = loose.length > 0 ? loose.join(" ") : serverTranslator(options.locale, "forms")("checkFields");
  return { status: "error", fields, message, values: options.values };
}

/** Maps what a service threw to form state; anything but an AppError is logged, never shown. */
export function errorState(error: unknown, options: ErrorOptions): FormState {
  if (!(error instanceof AppError)) {
    console.error("[action] unexpected error", error);
    return { status: "error", message: new AppError("internal:server").toBody(options.locale).error.message, values: options.values };
  }
  // Invalid input: the fields say what is wrong. Anything else: the error itself is the message.
  if (error.fields && error.kind === "bad_request") return fieldErrorState(error.fields, options);
  const state = error.fields ? fieldErrorState(error.fields, options) : { status: "error" as const, values: options.values };
  return { ...state, message: error.toBody(options.locale).error.message };
}

/** A path inside the app for `?next=`; anything else (other hosts, `//x`) falls back to home. */
export function safeNext(next: string | undefined | null, locale: Locale): string {
  if (next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")) return next;
  return `/${locale}`;
}

"use client";

import { useActionState } from "react";
import { unstable_rethrow } from "next/navigation";
import { useTranslations } from "next-intl";
import { initialFormState, type FormAction, type FormState } from "./form-state";

/**
 * useActionState over a server action that also survives the network: when the request never
 * gets an answer (Wi-Fi drops in the nursery), the form stays as typed and says so, instead of
 * falling into an error page. Redirects and other Next.js signals pass through.
 */
export function useFormAction(action: FormAction, unreachableMessage?: string) {
  const t = useTranslations("forms");
  const message = unreachableMessage ?? t("unreachable");
  return useActionState(async (state: FormState, formData: FormData): Promise<FormState> => {
    try {
      return await action(state, formData);
    } catch (error) {
      unstable_rethrow(error);
      return { status: "error", message, values: typedValues(formData) };
    }
  }, initialFormState);
}

function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && key !== "password" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

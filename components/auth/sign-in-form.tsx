"use client";

import { useTranslations } from "next-intl";
import { Field, FormMessage, controlProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";

export function SignInForm({ action, next }: { action: FormAction; next?: string }) {
  const t = useTranslations("auth");
  const [state, formAction] = useFormAction(action);
  const f = state.fields ?? {};
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage message={state.message} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field name="email" label={t("email")} error={f.email}>
        <input
          {...controlProps("email", { error: f.email })}
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          defaultValue={state.values?.email}
        />
      </Field>
      <Field name="password" label={t("password")} error={f.password}>
        <input {...controlProps("password", { error: f.password })} type="password" autoComplete="current-password" required />
      </Field>
      <SubmitButton label={t("signIn")} pendingLabel={t("signingIn")} />
    </form>
  );
}

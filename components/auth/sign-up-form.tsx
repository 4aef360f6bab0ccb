"use client";

import { useTranslations } from "next-intl";
import { Field, FormMessage, controlProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";

export function SignUpForm({ action, next }: { action: FormAction; next?: string }) {
  const t = useTranslations("auth");
  const [state, formAction] = useFormAction(action);
  const f = state.fields ?? {};
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage message={state.message} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field name="name" label={t("name")} error={f.name}>
        <input {...controlProps("name", { error: f.name })} autoComplete="name" required defaultValue={state.values?.name} />
      </Field>
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
      <Field name="password" label={t("password")} hint={t("passwordHint")} error={f.password}>
        <input
          {...controlProps("password", { error: f.password, hint: t("passwordHint") })}
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
        />
      </Field>
      <SubmitButton label={t("signUp")} pendingLabel={t("signingUp")} />
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { Field, FormMessage, controlProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import type { SettingsState } from "./preferences-form";
import styles from "./settings.module.css";

type Props = { action: (state: FormState, formData: FormData) => Promise<SettingsState>; email: string };

export function PasswordForm({ action, email }: Props) {
  const t = useTranslations("settings.password");
  const [state, formAction] = useFormAction(action);
  const f = state.fields ?? {};
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage message={state.message} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field name="currentPassword" label={t("current")} error={f.currentPassword}>
        <input
          {...controlProps("currentPassword", { error: f.currentPassword })}
          type="password"
          autoComplete="current-password"
          required
        />
      </Field>
      <Field name="newPassword" label={t("new")} hint={t("newHint")} error={f.newPassword}>
        <input
          {...controlProps("newPassword", { error: f.newPassword, hint: t("newHint") })}
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
        />
      </Field>
      <div className={styles.actionsRow}>
        <SubmitButton label={t("save")} pendingLabel={t("saving")} />
        <span role="status" className="muted">
          {(state as SettingsState).saved ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}

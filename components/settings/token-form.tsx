"use client";

import { useTranslations } from "next-intl";
import { Field, FormMessage, controlProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { CopyButton } from "@/components/family/copy-button";
import styles from "./settings.module.css";

export type TokenState = FormState & { created?: { token: string; label: string } };

/** Creates a personal access token and shows it once, with a copy button. */
export function TokenForm({ action }: { action: (state: FormState, formData: FormData) => Promise<TokenState> }) {
  const t = useTranslations("settings.tokens");
  const [state, formAction] = useFormAction(action);
  const { created } = state as TokenState;
  const f = state.fields ?? {};
  return (
    <>
      <form action={formAction} className="stack" noValidate>
        <FormMessage message={state.message} />
        <Field name="label" label={t("label")} hint={t("labelHint")} error={f.label}>
          <input {...controlProps("label", { error: f.label, hint: t("labelHint") })} autoComplete="off" required maxLength={80} />
        </Field>
        <SubmitButton label={t("create")} pendingLabel={t("creating")} />
      </form>
      {created && (
        <div className={styles.created} role="status">
          <p>{t("created", { label: created.label })}</p>
          <div className="field">
            <label htmlFor="new-token">{t("token")}</label>
            <input
              id="new-token"
              readOnly
              value={created.token}
              dir="ltr"
              spellCheck={false}
              className={styles.mono}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
          <CopyButton text={created.token} label={t("copy")} copiedLabel={t("copied")} failedLabel={t("copyFailed")} />
        </div>
      )}
    </>
  );
}

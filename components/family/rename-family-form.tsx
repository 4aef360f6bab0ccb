"use client";

import { useTranslations } from "next-intl";
import { Field, FormMessage, controlProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import styles from "./family.module.css";

export type SavedState = FormState & { saved?: boolean };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<SavedState>;
  familyId: string;
  name: string;
  submitLabel: string;
  pendingLabel: string;
};

/** The family's name (the family page and the first onboarding step). */
export function RenameFamilyForm({ action, familyId, name, submitLabel, pendingLabel }: Props) {
  const t = useTranslations("family");
  const [state, formAction] = useFormAction(action);
  const f = state.fields ?? {};
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="familyId" value={familyId} />
      <Field name="name" label={t("rename.label")} error={f.name}>
        <input
          {...controlProps("name", { error: f.name })}
          autoComplete="off"
          required
          maxLength={80}
          defaultValue={state.values?.name ?? name}
        />
      </Field>
      <div className={styles.actionsRow}>
        <SubmitButton label={submitLabel} pendingLabel={pendingLabel} />
        <span role="status" className="muted">
          {(state as SavedState).saved ? t("rename.saved") : ""}
        </span>
      </div>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";

/** Deletes one entry; `label` names the entry for screen readers ("Delete Bottle at 3:05"). */
export function DeleteEntryButton({ action, id, label }: { action: FormAction; id: string; label: string }) {
  const t = useTranslations("entries");
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="delete-entry">
      <input type="hidden" name="id" value={id} />
      <SubmitButton label={t("delete")} pendingLabel={t("deleting")} className="danger" ariaLabel={label} />
      {state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}

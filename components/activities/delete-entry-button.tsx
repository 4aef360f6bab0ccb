"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction, FormState } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import type { SimpleResult } from "./quick-types";
import { showToast } from "./toast-store";

type Props = {
  action: FormAction;
  id: string;
  /** A fuller name for screen readers ("Delete Bottle at 3:05"). */
  label: string;
  /** The entry's kind, for the toast ("Bottle deleted"). */
  kind?: string;
  /** When given, the toast offers Undo. */
  restore?: (id: string) => Promise<SimpleResult>;
};

/** Deletes one entry; then a toast says so and, with `restore`, offers Undo. */
export function DeleteEntryButton({ action, id, label, kind, restore }: Props) {
  const t = useTranslations("entries");
  const [state, formAction] = useFormAction(async (previous: FormState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.status !== "error") {
      showToast({ message: kind ? t("deleted", { kind }) : t("deletedPlain"), undo: restore ? () => restore(id) : undefined });
    }
    return result;
  });
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

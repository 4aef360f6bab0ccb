"use client";

import { useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import styles from "./family.module.css";

type Props = {
  action: FormAction;
  /** Hidden inputs sent with the confirmation (ids). */
  fields: Record<string, string>;
  triggerLabel: string;
  /** A fuller name for screen readers ("Remove Sam"). */
  triggerAriaLabel?: string;
  title: string;
  body?: string;
  confirmLabel: string;
  pendingLabel: string;
};

/**
 * A destructive action behind a modal <dialog>: focus moves into it, Escape cancels, and an error
 * (the last owner cannot leave…) shows inside it.
 */
export function ConfirmDialog({ action, fields, triggerLabel, triggerAriaLabel, title, body, confirmLabel, pendingLabel }: Props) {
  const t = useTranslations("family");
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [state, formAction] = useFormAction(action);
  return (
    <>
      <button
        type="button"
        className={`secondary ${styles.dangerOutline}`}
        aria-label={triggerAriaLabel}
        aria-haspopup="dialog"
        onClick={() => {
          dialog.current?.showModal();
          // Start on the safe choice: Enter right after opening must not delete anything.
          cancel.current?.focus();
        }}
      >
        {triggerLabel}
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={titleId} aria-describedby={body ? bodyId : undefined}>
        <form action={formAction} className="stack">
          <h2 id={titleId} className={styles.dialogTitle}>
            {title}
          </h2>
          {body && <p id={bodyId}>{body}</p>}
          <FormMessage message={state.message} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className={styles.dialogActions}>
            <SubmitButton label={confirmLabel} pendingLabel={pendingLabel} className="danger" />
            <button ref={cancel} type="button" className="secondary" onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState, type FormAction } from "@/components/forms/form-state";

export function AcceptInviteForm({ action, code }: { action: FormAction; code: string }) {
  const t = useTranslations("invite");
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="stack">
      <FormMessage message={state.message} />
      <input type="hidden" name="code" value={code} />
      <SubmitButton label={t("accept")} pendingLabel={t("accepting")} />
      {state.status === "error" && <Link href="/">{t("goHome")}</Link>}
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";

export function AcceptInviteForm({ action, code }: { action: FormAction; code: string }) {
  const t = useTranslations("invite");
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack">
      <FormMessage message={state.message} />
      <input type="hidden" name="code" value={code} />
      <SubmitButton label={t("accept")} pendingLabel={t("accepting")} />
      {state.status === "error" && <Link href="/">{t("goHome")}</Link>}
    </form>
  );
}

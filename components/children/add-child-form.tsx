"use client";

import { useTranslations } from "next-intl";
import type { FormAction } from "@/components/forms/form-state";
import { ChildForm } from "./child-form";

/** The add-child form; with several eligible families it asks which one. */
export function AddChildForm({
  action,
  familyId,
  timeZones,
  families,
  submitLabel,
}: {
  action: FormAction;
  familyId: string;
  timeZones: string[];
  families?: { id: string; name: string }[];
  submitLabel?: string;
}) {
  const t = useTranslations("children");
  const choose = families && families.length > 1;
  return (
    <ChildForm
      action={action}
      hidden={choose ? {} : { familyId }}
      families={choose ? families : undefined}
      defaults={{ familyId }}
      timeZones={timeZones}
      submitLabel={submitLabel ?? t("save")}
      pendingLabel={t("saving")}
    />
  );
}

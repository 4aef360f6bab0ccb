import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { hasRole } from "@/lib/auth/roles";
import { listFamilies } from "@/lib/families/service";
import { AddChildForm } from "@/components/children/add-child-form";
import { createChildAction } from "./actions";

/** The add-child form for the first family the user may add children to (parents and owners). */
export async function AddChildSection({ actor }: { actor: Actor }) {
  const [families, t] = await Promise.all([listFamilies({ actor }), getTranslations("children")]);
  const family = families.find((f) => hasRole(f.role, "parent"));
  if (!family) return <p className="muted">{t("notAllowed")}</p>;
  return (
    <div className="card">
      <AddChildForm action={createChildAction} familyId={family.id} timeZones={Intl.supportedValuesOf("timeZone")} />
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { listFamilies } from "@/lib/families/service";
import { AddChildForm } from "@/components/children/add-child-form";
import { can } from "@/components/family/permissions";
import { createChildAction } from "./actions";

/**
 * The add-child form for the families the user may add children to (parents and owners):
 * the one asked for when it is among them, else a choice when there are several.
 */
export async function AddChildSection({ actor, familyId }: { actor: Actor; familyId?: string }) {
  const [families, t] = await Promise.all([listFamilies({ actor }), getTranslations("children")]);
  const eligible = families.filter((f) => can.manageChildren(f.role));
  if (eligible.length === 0) return <p className="muted">{t("notAllowed")}</p>;
  const chosen = eligible.find((f) => f.id === familyId);
  return (
    <div className="card">
      <AddChildForm
        action={createChildAction}
        familyId={(chosen ?? eligible[0]).id}
        families={chosen ? undefined : eligible}
        timeZones={Intl.supportedValuesOf("timeZone")}
      />
    </div>
  );
}

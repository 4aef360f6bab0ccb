import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import type { Actor } from "@/lib/auth/actor";
import { getChild } from "@/lib/children/service";
import { listFamilies } from "@/lib/families/service";
import { AppError } from "@/lib/errors/app-error";
import { uuidParam } from "@/lib/http/request";
import { ChildForm } from "@/components/children/child-form";
import { ConfirmDialog } from "@/components/family/confirm-dialog";
import { can, roleIn } from "@/components/family/permissions";
import { deleteChildAction, updateChildAction } from "../../actions";

type Props = { params: Promise<{ locale: string; id: string }> };

/** Another family's child, a deleted one or a malformed id: all simply not found. */
async function loadChild(actor: Actor, id: string) {
  try {
    return await getChild({ actor, childId: uuidParam(id, "child") });
  } catch (error) {
    if (error instanceof AppError && (error.kind === "not_found" || error.kind === "forbidden")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "children" });
  return { title: t("editPageTitle") };
}

export default async function EditChildPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/children/${id}/edit`)}`);
  const [child, families, t] = await Promise.all([loadChild(actor, id), listFamilies({ actor }), getTranslations("children")]);
  const role = roleIn(families, child.familyId);
  const back = `/family?family=${child.familyId}`;
  if (!role || !can.manageChildren(role)) {
    return (
      <main id="main">
        <p>
          <Link href={back}>{t("back")}</Link>
        </p>
        <h1>{t("editTitle", { name: child.name })}</h1>
        <p className="muted">{t("notAllowedEdit")}</p>
      </main>
    );
  }
  return (
    <main id="main">
      <p>
        <Link href={back}>{t("back")}</Link>
      </p>
      <h1>{t("editTitle", { name: child.name })}</h1>
      <div className="card">
        <ChildForm
          action={updateChildAction}
          hidden={{ childId: child.id, version: String(child.version) }}
          timeZones={Intl.supportedValuesOf("timeZone")}
          submitLabel={t("saveChanges")}
          pendingLabel={t("savingChanges")}
          defaults={{
            name: child.name,
            birthDate: child.birthDate,
            sex: child.sex,
            timezone: child.timezone,
            gestationalAgeWeeks: child.gestationalAgeWeeks === null ? "" : String(child.gestationalAgeWeeks),
          }}
        />
      </div>
      <section aria-labelledby="delete-child-heading">
        <h2 id="delete-child-heading">{t("deleteHeading")}</h2>
        <p className="muted">{t("deleteBody", { name: child.name })}</p>
        <ConfirmDialog
          action={deleteChildAction}
          fields={{ childId: child.id }}
          triggerLabel={t("delete")}
          title={t("deleteTitle", { name: child.name })}
          body={t("deleteBody", { name: child.name })}
          confirmLabel={t("deleteConfirm")}
          pendingLabel={t("deleting")}
        />
      </section>
    </main>
  );
}

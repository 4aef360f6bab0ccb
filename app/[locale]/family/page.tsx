import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { getFamily, listFamilies } from "@/lib/families/service";
import { listChildren } from "@/lib/children/service";
import { ChildList } from "@/components/children/child-list";
import { ConfirmDialog } from "@/components/family/confirm-dialog";
import { FamilySwitcher } from "@/components/family/family-switcher";
import { InviteForm } from "@/components/family/invite-form";
import { MemberList } from "@/components/family/member-list";
import { RenameFamilyForm } from "@/components/family/rename-family-form";
import { RoleBadge } from "@/components/family/role-badge";
import { assignableRoles, can } from "@/components/family/permissions";
import styles from "@/components/family/family.module.css";
import {
  changeRoleAction,
  createFamilyAction,
  createInviteAction,
  deleteFamilyAction,
  leaveFamilyAction,
  removeMemberAction,
  renameFamilyAction,
} from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ family?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "family" });
  return { title: t("title") };
}

export default async function FamilyPage({ params, searchParams }: Props) {
  const [{ locale }, { family: familyParam }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/family`)}`);
  const [families, t] = await Promise.all([listFamilies({ actor }), getTranslations("family")]);

  if (families.length === 0) {
    return (
      <main id="main">
        <h1>{t("none.title")}</h1>
        <p>{t("none.body")}</p>
        <div className="card">
          <RenameFamilyForm
            action={createFamilyAction}
            familyId=""
            name=""
            submitLabel={t("none.create")}
            pendingLabel={t("none.creating")}
          />
        </div>
      </main>
    );
  }

  const current = families.find((f) => f.id === familyParam) ?? families[0];
  const [family, children, tc] = await Promise.all([
    getFamily({ actor, familyId: current.id }),
    listChildren({ actor, familyId: current.id }),
    getTranslations("children"),
  ]);
  const role = family.role;
  const owners = family.members.filter((m) => m.role === "owner").length;

  return (
    <main id="main">
      {families.length > 1 && <FamilySwitcher families={families} currentId={family.id} />}
      <h1>{family.name}</h1>
      <p className={styles.actionsRow}>
        {t("yourRole")} <RoleBadge role={role} />
      </p>

      <section aria-labelledby="members-heading" className={styles.section}>
        <h2 id="members-heading">{t("members.heading")}</h2>
        <div className="card">
          <MemberList
            familyId={family.id}
            members={family.members}
            myRole={role}
            meId={actor.userId}
            changeRole={changeRoleAction}
            remove={removeMemberAction}
          />
        </div>
      </section>

      {can.invite(role) && (
        <section aria-labelledby="invite-heading" className={styles.section}>
          <h2 id="invite-heading">{t("invite.heading")}</h2>
          <div className="card">
            <InviteForm action={createInviteAction} familyId={family.id} roles={assignableRoles(role)} />
          </div>
        </section>
      )}

      <section aria-labelledby="children-heading" className={styles.section}>
        <h2 id="children-heading">{tc("list.heading")}</h2>
        <div className="card">
          <ChildList items={children} canEdit={can.manageChildren(role)} />
        </div>
        {can.manageChildren(role) && (
          <p>
            <Link href={`/children/new?family=${family.id}`} className="button secondary">
              {tc("list.add")}
            </Link>
          </p>
        )}
      </section>

      {can.renameFamily(role) && (
        <section aria-labelledby="rename-heading" className={styles.section}>
          <h2 id="rename-heading">{t("rename.heading")}</h2>
          <div className="card">
            <RenameFamilyForm
              action={renameFamilyAction}
              familyId={family.id}
              name={family.name}
              submitLabel={t("rename.save")}
              pendingLabel={t("rename.saving")}
            />
          </div>
        </section>
      )}

      <section aria-labelledby="leave-heading" className={styles.section}>
        <h2 id="leave-heading">{t("leave.heading")}</h2>
        {role === "owner" && owners === 1 && <p className="muted">{t("leave.lastOwnerHint")}</p>}
        <ConfirmDialog
          action={leaveFamilyAction}
          fields={{ familyId: family.id }}
          triggerLabel={t("leave.button")}
          title={t("leave.title", { family: family.name })}
          body={t("leave.body")}
          confirmLabel={t("leave.confirm")}
          pendingLabel={t("leave.leaving")}
        />
      </section>

      {can.deleteFamily(role) && (
        <section aria-labelledby="delete-family-heading" className={styles.section}>
          <h2 id="delete-family-heading">{t("delete.heading")}</h2>
          <ConfirmDialog
            action={deleteFamilyAction}
            fields={{ familyId: family.id }}
            triggerLabel={t("delete.button")}
            title={t("delete.title", { family: family.name })}
            body={t("delete.body")}
            confirmLabel={t("delete.confirm")}
            pendingLabel={t("delete.deleting")}
          />
        </section>
      )}
    </main>
  );
}

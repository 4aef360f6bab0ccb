import { getTranslations } from "next-intl/server";
import type { Role } from "@/lib/auth/roles";
import type { FormAction } from "@/components/forms/form-state";
import { assignableRoles, can } from "./permissions";
import { ConfirmDialog } from "./confirm-dialog";
import { MemberRoleForm } from "./member-role-form";
import { RoleBadge } from "./role-badge";
import styles from "./family.module.css";

type Member = { userId: string; name: string; email: string; role: Role };

type Props = {
  familyId: string;
  members: Member[];
  myRole: Role;
  meId: string;
  changeRole: FormAction;
  remove: FormAction;
};

/** Members with their roles; role and remove controls only where the actor's role allows them. */
export async function MemberList({ familyId, members, myRole, meId, changeRole, remove }: Props) {
  const t = await getTranslations("family");
  return (
    <ul className={styles.members}>
      {members.map((member) => {
        const manageable = can.manageMember(myRole, member, meId);
        return (
          <li key={member.userId} className={styles.member} data-member={member.email}>
            <div className={styles.memberWho}>
              <span className={styles.memberName}>
                {member.name}
                {member.userId === meId && <span className={styles.you}> ({t("members.you")})</span>}
              </span>
              <RoleBadge role={member.role} />
              <span className={`muted ${styles.email}`}>
                <bdi>{member.email}</bdi>
              </span>
            </div>
            {manageable && (
              <div className={styles.memberActions}>
                <MemberRoleForm
                  // A new role remounts the form: a select keeps its first default through React's form reset.
                  key={member.role}
                  action={changeRole}
                  familyId={familyId}
                  userId={member.userId}
                  name={member.name}
                  role={member.role}
                  roles={assignableRoles(myRole)}
                />
                <ConfirmDialog
                  action={remove}
                  fields={{ familyId, userId: member.userId }}
                  triggerLabel={t("members.remove")}
                  triggerAriaLabel={t("members.removeOf", { name: member.name })}
                  title={t("members.removeTitle", { name: member.name })}
                  body={t("members.removeBody")}
                  confirmLabel={t("members.confirmRemove")}
                  pendingLabel={t("members.removing")}
                />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

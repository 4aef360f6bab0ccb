"use client";

import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/roles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import styles from "./family.module.css";

type Props = { action: FormAction; familyId: string; userId: string; name: string; role: Role; roles: Role[] };

/** A member's role as a select and an explicit button (changing the select alone submits nothing). */
export function MemberRoleForm({ action, familyId, userId, name, role, roles }: Props) {
  const t = useTranslations("family");
  const [state, formAction] = useFormAction(action);
  const id = `member-role-${userId}`;
  return (
    // autoComplete="off": Chromium would otherwise "restore" a select on reload from another,
    // identical-looking form on the page, showing a role the member does not have.
    <form action={formAction} className={styles.roleForm} autoComplete="off">
      <input type="hidden" name="familyId" value={familyId} />
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        {t("members.roleOf", { name })}
      </label>
      <select id={id} name="role" defaultValue={role}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <SubmitButton
        label={t("members.changeRole")}
        pendingLabel={t("members.changingRole")}
        ariaLabel={t("members.changeRoleOf", { name })}
        className="secondary"
      />
      {state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}

import { getTranslations } from "next-intl/server";
import type { Role } from "@/lib/auth/roles";
import styles from "./family.module.css";

export async function RoleBadge({ role }: { role: Role }) {
  const t = await getTranslations("family");
  return (
    <span className={styles.badge} data-role={role}>
      {t(`roles.${role}`)}
    </span>
  );
}

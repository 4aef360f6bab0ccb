import { getLocale, getTranslations } from "next-intl/server";
import type { FormAction } from "@/components/forms/form-state";
import { ConfirmDialog } from "@/components/family/confirm-dialog";
import styles from "./settings.module.css";

type Token = { id: string; label: string; createdAt: string; lastUsedAt: string | null };

/** The user's live access tokens, each with a revoke button behind a confirmation. */
export async function TokenList({ tokens, revoke, timeZone }: { tokens: Token[]; revoke: FormAction; timeZone?: string }) {
  const [t, locale] = await Promise.all([getTranslations("settings.tokens"), getLocale()]);
  if (tokens.length === 0) return <p className="muted">{t("none")}</p>;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  return (
    <ul className={styles.tokens}>
      {tokens.map((token) => (
        <li key={token.id} className={styles.token}>
          <span className={styles.tokenText}>
            <span className={styles.tokenLabel}>{token.label}</span>
            <span className="muted">
              {t("createdAt", { date: date.format(new Date(token.createdAt)) })} ·{" "}
              {token.lastUsedAt ? t("lastUsed", { date: date.format(new Date(token.lastUsedAt)) }) : t("neverUsed")}
            </span>
          </span>
          <ConfirmDialog
            action={revoke}
            fields={{ id: token.id }}
            triggerLabel={t("revoke")}
            triggerAriaLabel={t("revokeOf", { label: token.label })}
            title={t("revokeTitle", { label: token.label })}
            body={t("revokeBody")}
            confirmLabel={t("revoke")}
            pendingLabel={t("revoking")}
          />
        </li>
      ))}
    </ul>
  );
}

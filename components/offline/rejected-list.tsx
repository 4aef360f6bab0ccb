"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { OutboxItem } from "@/lib/offline/db";
import styles from "./offline.module.css";

/**
 * Changes the server refused, each with its reason in the user's language and two ways out:
 * fix it (the entry's form) or discard it. Nothing refused is ever dropped without the user.
 */
/** The form of a refused new entry (feedings by method), as the quick-log card titles link to it. */
function formHref(type: string, method: unknown, childId: string): string {
  return type === "feeding" ? `/log/feeding?child=${childId}&method=${String(method ?? "bottle")}` : `/log/${type}?child=${childId}`;
}

export function RejectedList({ items, discard }: { items: OutboxItem[]; discard: (opId: string) => Promise<void> }) {
  const t = useTranslations("offline");
  const te = useTranslations("errors");
  const ta = useTranslations("activity");
  if (items.length === 0) return null;

  const reason = (code: string) => {
    const key = `codes.${code.replace(":", "_")}`;
    const kind = `kinds.${code.split(":")[0]}`;
    return te.has(key) ? te(key) : te.has(kind) ? te(kind) : te("kinds.internal");
  };

  return (
    <section aria-labelledby="sync-rejected-heading">
      <h2 id="sync-rejected-heading" className={styles.heading}>
        {t("rejectedHeading")}
      </h2>
      <ul className={styles.list}>
        {items.map((item) => {
          const op = item.op;
          const type = op.kind === "activity.create" ? op.activity.type : null;
          const what = type && ta.has(`kinds.${type}`) ? ta(`kinds.${type}`) : t("anEntry");
          const fix =
            op.kind === "activity.create"
              ? formHref(op.activity.type, op.activity.details.method, op.activity.childId)
              : "id" in op
                ? `/entries/${op.id}/edit`
                : "/";
          return (
            <li key={item.opId} className={styles.item}>
              <p>
                <strong>{t(`ops.${op.kind.replace(".", "_")}`, { what })}</strong>
                <br />
                {reason(item.error?.code ?? "internal")}
                {item.error?.fields && <span className="muted"> ({Object.keys(item.error.fields).join(", ")})</span>}
              </p>
              <div className={styles.actions}>
                <Link href={fix} className="button secondary">
                  {t("fix")}
                </Link>
                <button type="button" className="secondary" onClick={() => void discard(item.opId)}>
                  {t("discard")}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

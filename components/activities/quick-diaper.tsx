"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { QuickActions } from "./quick-types";
import { useQuickSave } from "./use-quick-save";
import styles from "./quick-log.module.css";

const KINDS = ["wet", "dirty", "both", "dry"] as const;

/** Four buttons that each save a diaper at once; colour and consistency come from "Add details". */
export function QuickDiaper({ childId, actions }: { childId: string; actions: QuickActions }) {
  const t = useTranslations("quickLog");
  const { save, pendingKey } = useQuickSave(actions);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={styles.block}>
      <div className={styles.grid4} role="group" aria-label={t("diaper.group")}>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={styles.tap}
            aria-label={t("diaper.label", { kind: t(`diaper.${kind}`) })}
            aria-disabled={pendingKey !== null}
            aria-busy={pendingKey === kind}
            onClick={() =>
              save(`diaper:${kind}`, { childId, kind: "diaper", values: { "details.kind": kind } }, (result) =>
                setError(result.status === "error" ? (result.message ?? null) : null),
              )
            }
          >
            {t(`diaper.${kind}`)}
          </button>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

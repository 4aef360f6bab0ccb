"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { currentToast, dismissToast, subscribeToasts, updateToast } from "./toast-store";
import styles from "./toast.module.css";

const VISIBLE_MS = 10_000;

/** Shows the current toast above the tab bar; it stays while focused or hovered. */
export function ToastViewport() {
  const t = useTranslations("quickLog");
  const toast = useSyncExternalStore(subscribeToasts, currentToast, () => null);
  const [held, setHeld] = useState(false);
  const [undoing, setUndoing] = useState(false);

  useEffect(() => {
    if (!toast || held || undoing) return;
    const timer = window.setTimeout(() => dismissToast(toast.id), toast.tone === "undone" ? 4000 : VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [toast, held, undoing]);

  async function undo() {
    if (!toast?.undo || undoing) return;
    setUndoing(true);
    try {
      const result = await toast.undo();
      updateToast(
        toast.id,
        result.status === "ok"
          ? { message: t("undone"), undo: undefined, link: undefined, tone: "undone" }
          : { message: result.message, undo: undefined, tone: "error" },
      );
    } catch {
      updateToast(toast.id, { message: t("unreachable"), tone: "error" });
    } finally {
      setUndoing(false);
    }
  }

  return (
    <div
      className={styles.region}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
    >
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.live}>
        {toast && (
          <p className={styles.message} data-tone={toast.tone ?? "info"}>
            {toast.message}
          </p>
        )}
      </div>
      {toast && (toast.undo || toast.link) && (
        <div className={styles.actions}>
          {toast.link && (
            <Link href={toast.link.href} className={styles.link} onClick={() => dismissToast(toast.id)}>
              {toast.link.label}
            </Link>
          )}
          {toast.undo && (
            <button type="button" className={styles.undo} onClick={undo} disabled={undoing} aria-disabled={undoing}>
              {t("undo")}
            </button>
          )}
        </div>
      )}
      {toast && (
        <button type="button" className={styles.close} onClick={() => dismissToast(toast.id)} aria-label={t("dismiss")}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}

"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { offlineDb } from "@/lib/offline/db";
import styles from "./offline.module.css";

/**
 * Sign-out that warns first when changes made on this device have not been sent: they stay on
 * the device (sent after this user signs in again; another user's sign-in removes them), and the
 * user may cancel to let them sync.
 */
export function SignOutButton({ action, label }: { action: () => Promise<void>; label: string }) {
  const t = useTranslations("offline");
  const form = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const [unsent, setUnsent] = useState(0);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    if (confirmed.current) return;
    event.preventDefault();
    const count = await offlineDb()
      .outbox.count()
      .catch(() => 0);
    if (count === 0) return submit();
    setUnsent(count);
  }

  function submit() {
    confirmed.current = true;
    form.current?.requestSubmit();
  }

  return (
    <>
      <form action={action} ref={form} onSubmit={onSubmit}>
        <button type="submit" className="secondary">
          {label}
        </button>
      </form>
      {unsent > 0 && (
        <div role="alertdialog" aria-modal="false" aria-labelledby="sign-out-warning" className={styles.dialog}>
          <p id="sign-out-warning">{t("signOutWarning", { count: unsent })}</p>
          <div className={styles.actions}>
            <button type="button" onClick={() => setUnsent(0)} autoFocus>
              {t("cancel")}
            </button>
            <button type="button" className="secondary" onClick={submit}>
              {t("signOutAnyway")}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

"use client";

import { useEffect, useState } from "react";
import { liveQuery } from "dexie";
import { useFormatter, useTranslations } from "next-intl";
import type { ActivityDto } from "@/lib/activities/schema";
import { offlineDb, type StoredActivity } from "@/lib/offline/db";
import { isActivityOp } from "@/lib/sync/ops";
import { entryKind, summarizeEntry } from "@/components/activities/entry-summary";
import { useOfflineScope } from "./offline-scope";
import { useOfflineState } from "./offline-sync";
import styles from "./offline.module.css";

/** Entries of this child with changes still queued on this device, newest first. */
function watchQueued(childId: string) {
  return liveQuery(async () => {
    const db = offlineDb();
    const items = await db.outbox.toArray();
    const ids = [...new Set(items.filter((i) => i.status !== "rejected" && isActivityOp(i.op)).map((i) => (i.op as { id: string }).id))];
    const entries = (await db.activities.bulkGet(ids)).filter((e): e is StoredActivity => !!e && e.childId === childId && !e.deleted);
    return entries.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  });
}

/**
 * The entries waiting in the outbox, above the server's list: what was logged (or changed) on
 * this device and not sent yet, clearly marked, so a page reloaded offline still shows it.
 */
export function PendingEntries() {
  const scope = useOfflineScope();
  const state = useOfflineState();
  const t = useTranslations("offline");
  const ta = useTranslations("activity");
  const tu = useTranslations("units");
  const format = useFormatter();
  const [entries, setEntries] = useState<StoredActivity[]>([]);

  useEffect(() => {
    if (!scope || !state.ready) return;
    const subscription = watchQueued(scope.childId).subscribe({ next: setEntries, error: () => setEntries([]) });
    return () => subscription.unsubscribe();
  }, [scope, state.ready]);

  if (!scope || entries.length === 0) return null;
  return (
    <section aria-labelledby="pending-heading" data-testid="pending-entries">
      <h3 id="pending-heading" className={styles.heading}>
        {t("pendingHeading", { count: entries.length })}
      </h3>
      <ul className={styles.pending}>
        {entries.map((entry) => {
          const dto = entry as unknown as ActivityDto;
          const summary = summarizeEntry(dto, { t: ta, tu, number: (n) => format.number(n), units: scope.units });
          return (
            <li key={entry.id} className={`pending-entry ${styles.pendingItem}`}>
              <span>
                <strong>{ta(`kinds.${entryKind(dto)}`)}</strong>{" "}
                <time dateTime={entry.startedAt}>
                  {format.dateTime(new Date(entry.startedAt), { timeStyle: "short", timeZone: scope.timeZone })}
                </time>
                {summary && <> · {summary}</>}
              </span>
              <span className={styles.badge}>{entry.server ? t("editWaiting") : t("waitingBadge")}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

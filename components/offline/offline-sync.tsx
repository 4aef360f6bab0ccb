"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Link, useRouter } from "@/i18n/navigation";
import { offlineDb } from "@/lib/offline/db";
import { discardOp } from "@/lib/offline/outbox";
import { useFamilyEvents, useRealtimeStatus } from "@/components/realtime/realtime-provider";
import { offlineEngine } from "./engine";
import { RejectedList } from "./rejected-list";
import styles from "./offline.module.css";

export function useOfflineState() {
  return useSyncExternalStore(offlineEngine.subscribe, offlineEngine.getSnapshot, offlineEngine.getServerSnapshot);
}

/** Realtime events are collected for this long before one pull. */
const PULL_DELAY_MS = 800;

/**
 * The header's sync state: how many changes wait on this device, when it last synced, what the
 * server refused, and "sign in again" after a 401. It also starts the engine for the signed-in
 * user and sends the outbox on every chance: on mount, `online`, the tab becoming visible, the
 * realtime connection coming back, a live event (pull), and the service worker's Background Sync.
 */
export function OfflineSync({ userId }: { userId: string }) {
  const t = useTranslations("offline");
  const format = useFormatter();
  const router = useRouter();
  const state = useOfflineState();
  const status = useRealtimeStatus();
  const pullTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    void offlineEngine.start(userId);
    const sync = () => void offlineEngine.syncSoon();
    const onVisible = () => document.visibilityState === "visible" && sync();
    const onWorkerMessage = (event: MessageEvent) => (event.data as { type?: string } | null)?.type === "SYNC_OUTBOX" && sync();
    window.addEventListener("online", sync);
    document.addEventListener("visibilitychange", onVisible);
    navigator.serviceWorker?.addEventListener("message", onWorkerMessage);
    const stopApplied = offlineEngine.onApplied(() => router.refresh());
    return () => {
      window.removeEventListener("online", sync);
      document.removeEventListener("visibilitychange", onVisible);
      navigator.serviceWorker?.removeEventListener("message", onWorkerMessage);
      stopApplied();
    };
  }, [userId, router]);

  useEffect(() => {
    if (status === "live") void offlineEngine.syncSoon();
  }, [status]);

  useFamilyEvents(() => {
    if (pullTimer.current) clearTimeout(pullTimer.current);
    pullTimer.current = setTimeout(() => void offlineEngine.syncSoon(), PULL_DELAY_MS);
  });

  if (!state.ready || (state.waiting === 0 && state.rejected.length === 0 && !state.signInNeeded)) return null;
  const label = state.signInNeeded
    ? t("signInAgain", { count: state.waiting })
    : state.rejected.length > 0
      ? t("rejectedCount", { count: state.rejected.length })
      : t("waiting", { count: state.waiting });

  return (
    <details className={styles.status} data-testid="sync-status">
      <summary className={state.rejected.length > 0 || state.signInNeeded ? styles.alert : undefined}>{label}</summary>
      <div className={styles.panel}>
        {state.waiting > 0 && <p>{t("waiting", { count: state.waiting })}</p>}
        <p className="muted">
          {state.lastSyncedAt ? t("lastSynced", { time: format.relativeTime(new Date(state.lastSyncedAt)) }) : t("neverSynced")}
        </p>
        {state.signInNeeded && (
          <p role="alert">
            {t("signInAgain", { count: state.waiting })} <Link href="/sign-in">{t("signIn")}</Link>
          </p>
        )}
        <RejectedList items={state.rejected} discard={(opId) => discardOp(offlineDb(), opId)} />
      </div>
    </details>
  );
}

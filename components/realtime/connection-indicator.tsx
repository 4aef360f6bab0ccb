"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { ConnectionStatus } from "@/lib/realtime/browser-session";
import { useRealtimeStatus } from "./realtime-provider";
import styles from "./connection-indicator.module.css";

/** States whose word stays off screen: the usual one, and the brief one on every page load. */
const quiet = new Set<ConnectionStatus>(["live", "connecting"]);

/** A status is announced to screen readers only once it has held this long: no chatter on flaps. */
const ANNOUNCE_AFTER_MS = 2_000;

/**
 * A small dot in the header: live / connecting / reconnecting / offline. Live and connecting show
 * only their icon (the word is there for screen readers and as a tooltip, and the header does not
 * shift on every page load); offline shows its word too, and so does reconnecting where the header
 * has room for it (on a phone it would wrap the header at each flap of the connection). Changes
 * are announced politely, once they have settled, and never the expected "live" on page load.
 */
export function ConnectionIndicator() {
  const t = useTranslations("realtime");
  const status = useRealtimeStatus();
  const announcement = useSettledAnnouncement(status);
  const word = t(`status.${status}`);
  return (
    <span className={styles.indicator} data-connection={status} title={`${t("label")}: ${word}`}>
      <StatusIcon status={status} />
      <span className="sr-only">{t("label")}: </span>
      <span className={quiet.has(status) ? "sr-only" : status === "reconnecting" ? styles.wideOnly : undefined}>{word}</span>
      <span className="sr-only" aria-live="polite">
        {announcement && `${t("label")}: ${t(`status.${announcement}`)}`}
      </span>
    </span>
  );
}

function useSettledAnnouncement(status: ConnectionStatus): ConnectionStatus | null {
  const [announced, setAnnounced] = useState<ConnectionStatus | null>(null);
  // What a person expects without being told: live. Anything else, once settled, is news.
  const lastSaid = useRef<ConnectionStatus>("live");
  useEffect(() => {
    if (status === "connecting") return;
    const timer = setTimeout(() => {
      if (status === lastSaid.current) return;
      lastSaid.current = status;
      setAnnounced(status);
    }, ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status]);
  return announced;
}

function StatusIcon({ status }: { status: ConnectionStatus }) {
  if (status === "offline")
    return (
      <svg className={styles.icon} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M3.5 12.5l9-9" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
    );
  if (status === "live")
    return (
      <svg className={styles.icon} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <circle cx="8" cy="8" r="5" fill="currentColor" />
      </svg>
    );
  // Connecting and reconnecting: an open ring that turns (unless reduced motion is asked for).
  return (
    <svg className={`${styles.icon} ${styles.turning}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d="M8 2.5a5.5 5.5 0 1 1-5.5 5.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

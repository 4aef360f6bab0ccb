"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { usePathname } from "@/i18n/navigation";
import { followsLive } from "@/lib/realtime/client-state";
import { debounce } from "@/lib/realtime/debounce";
import { ConnectionIndicator } from "./connection-indicator";
import { useRealtimeStore } from "./realtime-provider";
import type { RealtimeSession } from "@/lib/realtime/browser-session";

/** Debounce of the page refresh after family events: a burst of events costs one refresh. */
const REFRESH_DEBOUNCE_MS = 150;
/** …but a steady stream still refreshes at least this often. */
const REFRESH_MAX_WAIT_MS = 1_000;

/**
 * The signed-in tab's live connection (mounted by the header, so it outlives navigations) and its
 * indicator. Each new family event re-renders the page's server components (home, timeline,
 * timers, dashboard) through a debounced router.refresh(), and reaches client components through
 * useFamilyEvents() on every page.
 */
export function LiveConnection() {
  const store = useRealtimeStore();
  // Through a ref: the connection must outlive navigations and re-renders, not follow the router.
  const router = useRef(useRouter());
  const pathname = usePathname();
  const page = useRef(pathname);
  useEffect(() => {
    page.current = pathname;
  }, [pathname]);
  useEffect(() => {
    const refresh = debounce(
      () => {
        // Offline a refresh can only fail; reconnecting refreshes anyway.
        if (navigator.onLine && followsLive(page.current)) router.current.refresh();
      },
      REFRESH_DEBOUNCE_MS,
      REFRESH_MAX_WAIT_MS,
    );
    // The connection, its schemas (zod) and socket.io-client load after the page, so signed-in
    // pages carry none of it in their first-load JavaScript.
    let session: RealtimeSession | undefined;
    let cancelled = false;
    void import("@/lib/realtime/browser-session").then(
      ({ RealtimeSession }) => {
        if (cancelled) return;
        session = new RealtimeSession({
          status: (status) => store?.setStatus(status),
          event: (event, gap) => store?.publish({ kind: "event", event, gap }),
          resync: (familyId) => store?.publish({ kind: "resync", familyId }),
          refresh,
          signedOut: () => router.current.refresh(),
        });
        session.start();
      },
      () => {
        // The chunk did not load (offline at first paint): the next page load tries again.
        if (!cancelled) store?.setStatus(navigator.onLine ? "reconnecting" : "offline");
      },
    );
    return () => {
      cancelled = true;
      session?.stop();
      refresh.cancel();
    };
  }, [store]);
  return <ConnectionIndicator />;
}

"use client";

import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { FamilyEvent } from "@/lib/events/schema";
import type { ConnectionStatus } from "@/lib/realtime/browser-session";

/** What client components hear: a new family event, or "reload this family" after a resync. */
export type RealtimeNotice = { kind: "event"; event: FamilyEvent; gap: boolean } | { kind: "resync"; familyId: string };

type Listener = (notice: RealtimeNotice) => void;

/** The tab's realtime state, shared by the connection (writer) and any component (readers). */
export class RealtimeStore {
  private status: ConnectionStatus = "connecting";
  private readonly statusListeners = new Set<() => void>();
  private readonly listeners = new Set<Listener>();

  getStatus = () => this.status;

  setStatus(status: ConnectionStatus) {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }

  subscribeStatus = (listener: () => void) => {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  };

  publish(notice: RealtimeNotice) {
    for (const listener of this.listeners) listener(notice);
  }

  subscribe(listener: Listener) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

const RealtimeContext = createContext<RealtimeStore | null>(null);

/**
 * Holds the tab's realtime state for everything under it. It opens no connection: the header
 * mounts <LiveConnection /> only for a signed-in person, so signed-out pages fetch no token.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => new RealtimeStore());
  return <RealtimeContext.Provider value={store}>{children}</RealtimeContext.Provider>;
}

export function useRealtimeStore(): RealtimeStore | null {
  return useContext(RealtimeContext);
}

/** "connecting" | "live" | "reconnecting" | "offline" ("connecting" outside a provider). */
export function useRealtimeStatus(): ConnectionStatus {
  const store = useRealtimeStore();
  return useSyncExternalStore(store?.subscribeStatus ?? noopSubscribe, store?.getStatus ?? connecting, connecting);
}

const noopSubscribe = () => () => {};
const connecting = (): ConnectionStatus => "connecting";

/**
 * Calls `onNotice` for every new family event (duplicates already dropped) and every resync, for
 * client components that react before the server data is refreshed. The latest callback is used
 * without resubscribing.
 */
export function useFamilyEvents(onNotice: Listener) {
  const store = useRealtimeStore();
  const latest = useRef(onNotice);
  useEffect(() => {
    latest.current = onNotice;
  });
  useEffect(() => store?.subscribe((notice) => latest.current(notice)), [store]);
}

"use client";

import { liveQuery, type Subscription } from "dexie";
import type { HybridClock } from "@/lib/sync/hlc";
import { claimStore, getMeta, offlineDb, type OutboxItem } from "@/lib/offline/db";
import { loadClock } from "@/lib/offline/clock";
import { enqueueOp, type NewOp } from "@/lib/offline/outbox";
import { syncNow } from "@/lib/offline/sync";

/**
 * The tab's sync engine: one per page, started by <OfflineSync> for the signed-in user. It keeps
 * a snapshot of the outbox for the UI (waiting count, rejections, last sync) and sends the outbox
 * whenever there is a chance it gets through (see docs/SYNC.md, "Device").
 */
export type OfflineSnapshot = {
  ready: boolean;
  userId: string | null;
  waiting: number;
  rejected: OutboxItem[];
  lastSyncedAt: number | null;
  /** The server answered 401: the outbox waits for the user to sign in again. */
  signInNeeded: boolean;
  syncing: boolean;
};

const initial: OfflineSnapshot = {
  ready: false,
  userId: null,
  waiting: 0,
  rejected: [],
  lastSyncedAt: null,
  signInNeeded: false,
  syncing: false,
};

let snapshot = initial;
const listeners = new Set<() => void>();
let clock: Promise<HybridClock> | null = null;
let started: Promise<void> | null = null;
let watch: Subscription | null = null;
let running: Promise<void> | null = null;
let again = false;
const appliedListeners = new Set<() => void>();

function set(patch: Partial<OfflineSnapshot>) {
  snapshot = { ...snapshot, ...patch };
  for (const listener of listeners) listener();
}

export const offlineEngine = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: () => snapshot,
  getServerSnapshot: () => initial,

  /** Binds the store to the user (another user's data is removed), then syncs. */
  start(userId: string): Promise<void> {
    if (started && snapshot.userId === userId) return started;
    watch?.unsubscribe();
    set({ userId });
    const db = offlineDb();
    started = (async () => {
      await claimStore(db, userId);
      clock = loadClock(db);
      watch = liveQuery(async () => {
        const items = await db.outbox.toArray();
        return {
          waiting: items.filter((i) => i.status !== "rejected").length,
          rejected: items.filter((i) => i.status === "rejected"),
          lastSyncedAt: (await getMeta<number>(db, "lastSyncedAt")) ?? null,
        };
      }).subscribe({ next: (value) => set({ ...value, ready: true }) });
    })();
    void started.then(() => offlineEngine.syncSoon());
    return started;
  },

  /** Applies a change on this device and queues it; sends it at once when online. */
  async enqueue(op: NewOp, familyId: string | null) {
    if (!started) throw new Error("offline engine not started");
    await started;
    const item = await enqueueOp(offlineDb(), await clock!, op, { familyId });
    requestBackgroundSync();
    void offlineEngine.syncSoon();
    return item;
  },

  /** Sends the outbox (and pulls changes) unless the browser says it is offline; runs one at a time. */
  syncSoon(): Promise<void> {
    if (!started || (typeof navigator !== "undefined" && !navigator.onLine)) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      await started;
      set({ syncing: true });
      try {
        do {
          again = false;
          const outcome = await syncNow(offlineDb(), { clock: await clock! });
          if (outcome.status === "unauthorized") set({ signInNeeded: true });
          if (outcome.status === "ok") {
            set({ signInNeeded: false });
            if (outcome.applied > 0) for (const listener of appliedListeners) listener();
          }
        } while (again);
      } finally {
        running = null;
        set({ syncing: false });
      }
    })();
    return running;
  },

  /** Called after the server took some of this device's changes (the page refreshes its server data). */
  onApplied(listener: () => void) {
    appliedListeners.add(listener);
    return () => appliedListeners.delete(listener);
  },
};

/** Background Sync: the service worker wakes the page when the connection is back (Chromium). */
function requestBackgroundSync() {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => {
      const sync = (registration as ServiceWorkerRegistration & { sync?: { register: (tag: string) => Promise<void> } }).sync;
      return sync?.register("nestling-outbox");
    })
    .catch(() => undefined);
}

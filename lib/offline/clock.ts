import { uuid } from "./uuid";
import { HybridClock } from "@/lib/sync/hlc";
import { getMeta, setMeta, type OfflineDb } from "./db";

/** This device's hybrid logical clock, resumed from the store so stamps never go backwards across reloads. */
export async function loadClock(db: OfflineDb, now: () => number = Date.now): Promise<HybridClock> {
  let node = await getMeta<string>(db, "node");
  if (!node) {
    node = `dev-${uuid().slice(0, 12)}`;
    await setMeta(db, "node", node);
  }
  return new HybridClock(node, now, (await getMeta<string>(db, "hlc")) ?? null);
}

export async function saveClock(db: OfflineDb, clock: HybridClock): Promise<void> {
  await setMeta(db, "hlc", clock.peek());
}

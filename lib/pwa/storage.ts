/** The browser's storage facts for this origin, as the settings page shows them. */
export type StorageReport = { usage: number | null; quota: number | null; persisted: boolean | null };

export async function readStorageReport(): Promise<StorageReport> {
  const storage = typeof navigator === "undefined" ? undefined : navigator.storage;
  if (!storage?.estimate) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted ? storage.persisted() : Promise.resolve(null)]);
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
}

const ASKED_KEY = "nestling:persist-asked";

/**
 * Asks once per device for persistent storage, so entries kept offline are not evicted when
 * space runs low. `force` asks again (the settings page's button). Resolves with the outcome.
 */
export async function requestPersistentStorage({ force = false } = {}): Promise<boolean | null> {
  const storage = typeof navigator === "undefined" ? undefined : navigator.storage;
  if (!storage?.persist || !storage.persisted) return null;
  if (await storage.persisted()) return true;
  if (!force && localStorage.getItem(ASKED_KEY)) return false;
  localStorage.setItem(ASKED_KEY, new Date().toISOString());
  return storage.persist();
}

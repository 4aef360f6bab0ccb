import type { Page } from "@playwright/test";
import { daysAgo, expect, test } from "./fixtures/test";

/**
 * The device side of offline sync (docs/SYNC.md, "Device"): entries logged without a network are
 * kept on the device, shown as waiting, survive a reload offline and reach the server exactly once.
 */

type SyncAnswer = { changes: { familyId: string; activities: { id: string; deletedAt: string | null; notes: string | null; details: Record<string, unknown> }[] }[] };

/** Everything the server holds for the signed-in user (a first sync, as a new device would get it). */
async function serverEntries(page: Page) {
  const res = await page.request.post("/api/v1/sync", { data: { since: {}, ops: [] } });
  expect(res.ok()).toBeTruthy();
  const body = (await res.json()) as SyncAnswer;
  return body.changes.flatMap((c) => c.activities).filter((a) => a.deletedAt === null);
}

/** Waits until the service worker controls the page and the home page is in its cache. */
async function readyForOffline(page: Page, childName: string) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
  // The first load came before the worker took control: load once more so the worker keeps a copy.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: childName })).toBeVisible();
  const url = page.url();
  await expect.poll(() => page.evaluate(async (u) => Boolean(await (await caches.open("nestling-pages")).match(u)), url)).toBe(true);
  // The device store is bound to this user.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open("nestling");
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains("meta")) return resolve(false);
              const get = db.transaction("meta").objectStore("meta").get("userId");
              get.onsuccess = () => resolve(Boolean(get.result));
              get.onerror = () => resolve(false);
            };
            open.onerror = () => resolve(false);
          }),
      ),
    )
    .toBe(true);
}

const pending = (page: Page) => page.getByTestId("pending-entries").locator("li");
const syncStatus = (page: Page) => page.getByRole("banner").getByTestId("sync-status");

test("20 entries logged offline survive a reload offline and reach the server exactly once", async ({ page, auth, home, user }) => {
  test.setTimeout(240_000);
  await auth.signUp(user);
  await home.addChild({ name: "Mila", birthDate: daysAgo(20), sex: "Girl" });
  await expect(page.getByRole("heading", { level: 1, name: "Mila" })).toBeVisible();
  await readyForOffline(page, "Mila");

  await page.context().setOffline(true);
  const taps = [
    home.card("Diaper").getByRole("button", { name: "Wet diaper: log now" }),
    home.card("Diaper").getByRole("button", { name: "Dirty diaper: log now" }),
    home.card("Diaper").getByRole("button", { name: "Both diaper: log now" }),
    home.card("Diaper").getByRole("button", { name: "Dry diaper: log now" }),
    home.card("Bottle").getByRole("button", { name: "Save bottle" }),
  ];
  for (let i = 0; i < 20; i++) {
    await taps[i % taps.length].click();
    await expect(pending(page)).toHaveCount(i + 1);
    await expect(home.toast()).toContainText("saved on this device");
    // A second tap of one button within 2.5 s is a double tap (one entry): let each round pass.
    if (i % taps.length === taps.length - 1) await page.waitForTimeout(2_600);
  }
  await expect(pending(page).filter({ hasText: "Waiting to sync" })).toHaveCount(20);
  await expect(syncStatus(page)).toContainText("20 entries waiting");
  const localIds = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("nestling");
        open.onsuccess = () => {
          const req = open.result.transaction("outbox").objectStore("outbox").getAll();
          req.onsuccess = () => resolve((req.result as { op: { id: string } }[]).map((i) => i.op.id));
          req.onerror = () => reject(req.error);
        };
      }),
  );
  expect(new Set(localIds).size).toBe(20);

  // Reloaded without a network: the page comes from the worker's cache, the entries from the device.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Mila" })).toBeVisible();
  await expect(pending(page)).toHaveCount(20);
  await expect(syncStatus(page)).toContainText("20 entries waiting");

  await page.context().setOffline(false);
  await expect(pending(page)).toHaveCount(0, { timeout: 30_000 });
  await expect(syncStatus(page)).toHaveCount(0);
  await expect(home.entries()).toHaveCount(20);

  const stored = await serverEntries(page);
  expect(stored.map((e) => e.id).sort()).toEqual([...localIds].sort());
});

test("signing out with unsent entries warns first, and Cancel keeps them", async ({ page, auth, home, user }) => {
  test.setTimeout(120_000);
  await auth.signUp(user);
  await home.addChild({ name: "Noa", birthDate: daysAgo(10), sex: "Boy" });
  await readyForOffline(page, "Noa");

  await page.context().setOffline(true);
  await home.logDiaper("Wet");
  await expect(pending(page)).toHaveCount(1);
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  const warning = page.getByRole("alertdialog");
  await expect(warning).toContainText("1 change made on this device has not been sent yet.");
  await warning.getByRole("button", { name: "Cancel" }).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Noa" })).toBeVisible();
  await expect(pending(page)).toHaveCount(1);

  await page.context().setOffline(false);
  await expect(pending(page)).toHaveCount(0, { timeout: 30_000 });
  expect(await serverEntries(page)).toHaveLength(1);
  // Nothing left to send: signing out asks nothing.
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
});

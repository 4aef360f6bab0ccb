import { devices, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { api, bottle, createChild, memberOf, registerAccount, type Account } from "../helpers/api";
import { daysAgo, expect, test } from "./fixtures/test";
import { AuthPages } from "./pages/auth-pages";
import { HomePage } from "./pages/home-page";

/**
 * The device side of offline sync (docs/SYNC.md, "Device"): entries logged without a network are
 * kept on the device, shown as waiting, survive a reload offline and reach the server exactly once.
 */

type SyncAnswer = {
  changes: {
    familyId: string;
    activities: { id: string; deletedAt: string | null; notes: string | null; details: Record<string, unknown> }[];
  }[];
};

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
        async () =>
          // Opening a database that does not exist yet would create it (at a version the app then has to upgrade).
          (await indexedDB.databases()).some((d) => d.name === "nestling") &&
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open("nestling");
            open.onsuccess = () => {
              const db = open.result;
              // Never hold the database open: the app's own connection may need to upgrade it.
              const done = (value: boolean) => {
                db.close();
                resolve(value);
              };
              if (!db.objectStoreNames.contains("meta")) return done(false);
              const get = db.transaction("meta").objectStore("meta").get("userId");
              get.onsuccess = () => done(Boolean(get.result));
              get.onerror = () => done(false);
            };
            open.onerror = () => resolve(false);
          }),
      ),
    )
    .toBe(true);
}

/**
 * The clock stamps of the changes waiting in this phone's outbox. The same field goes to the higher
 * stamp (docs/SYNC.md), which is the later edit only while clocks are sane: a device whose clock
 * ran ahead (earlier tests send ops stamped minutes in the future) moves every clock ahead with it,
 * and concurrent edits are then ordered by the clocks' counters. So the tests expect the winner the
 * rule names, and only check "later wins" when the stamps agree with the order of the edits.
 */
async function queuedStamps(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("nestling");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction("outbox").objectStore("outbox").getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as { op: { hlc: string } }[]).map((item) => item.op.hlc));
          };
          all.onerror = () => {
            db.close();
            reject(all.error);
          };
        };
      }),
  );
}

/** Which of two phones' single queued edits carries the higher stamp. */
async function laterStamp(first: Page, second: Page): Promise<"first" | "second"> {
  const [[a], [b]] = [await queuedStamps(first), await queuedStamps(second)];
  expect(a, "the first phone's queued edit").toBeTruthy();
  expect(b, "the second phone's queued edit").toBeTruthy();
  return a > b ? "first" : "second";
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
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { op: { id: string } }[]).map((i) => i.op.id));
          };
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

/** A phone of its own (cookies, IndexedDB, service worker and client IP), signed in as `account`. */
async function phoneOf(browser: Browser, baseURL: string | undefined, account: Account) {
  const context = await browser.newContext({
    ...devices["Pixel 7"],
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": `10.${octet()}.${octet()}.${octet()}` },
  });
  const page = await context.newPage();
  const auth = new AuthPages(page);
  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);
  return { context, page, home: new HomePage(page) };
}

/**
 * Closes the extra phones. Saving their traces on close can fail when another run in the same
 * tree clears test-results/ meanwhile; the checks above have already passed by then.
 */
async function closeAll(phones: { context: BrowserContext }[]) {
  for (const { context } of phones)
    await context.close().catch((error: unknown) => console.warn(`[offline.spec] context close: ${String(error)}`));
}

const octet = () => Math.floor(Math.random() * 250) + 1;

test("two parents edit one entry offline: different fields both survive, the same field goes to the higher clock (the later edit)", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const alex = await registerAccount("Alex");
  const child = await createChild(alex, { name: "Ivo" });
  const sam = await memberOf(alex, "parent", "Sam");
  const created = await api(alex.token).post("/api/v1/activities", bottle(child.id));
  expect(created.status).toBe(201);
  const entryId = created.body.activity.id as string;

  const phones = [await phoneOf(browser, baseURL, alex), await phoneOf(browser, baseURL, sam)];
  for (const { page } of phones) {
    await page.goto(`/en?child=${child.id}`);
    await readyForOffline(page, "Ivo");
    await page.goto(`/en/entries/${entryId}/edit`);
    await expect(page.getByLabel("Amount (ml)")).toHaveValue("120");
    await page.reload();
    await expect(page.getByLabel("Amount (ml)")).toHaveValue("120");
  }
  for (const { context } of phones) await context.setOffline(true);

  // Alex: the amount and a note. Sam, a moment later: the milk and another note.
  const [a, b] = phones.map((p) => p.page);
  await a.getByLabel("Amount (ml)").fill("150");
  await a.getByLabel("Notes").fill("Alex's note");
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(syncStatus(a)).toContainText("1 entry waiting");
  await b.getByRole("radio", { name: "Breast milk" }).check();
  await b.getByLabel("Notes").fill("Sam's note");
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(syncStatus(b)).toContainText("1 entry waiting");

  // Both wrote the note: the higher stamp wins it (Sam's, the later edit, while clocks are sane).
  const note = (await laterStamp(a, b)) === "second" ? "Sam's note" : "Alex's note";

  // Alex reconnects first, then Sam.
  for (const { context, page } of phones) {
    await context.setOffline(false);
    await expect(syncStatus(page)).toHaveCount(0, { timeout: 30_000 });
  }

  const stored = await api(alex.token).get(`/api/v1/activities/${entryId}`);
  expect(stored.body.activity.details).toEqual({ method: "bottle", amountMl: 150, milk: "breast_milk" });
  expect(stored.body.activity.notes).toBe(note);
  for (const { page } of phones) {
    await page.reload();
    await expect(page.getByLabel("Amount (ml)")).toHaveValue("150");
    await expect(page.getByRole("radio", { name: "Breast milk" })).toBeChecked();
    await expect(page.getByLabel("Notes")).toHaveValue(note);
  }
  await closeAll(phones);
});

test("two parents and a caregiver converge after a partition", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const alex = await registerAccount("Alex");
  const child = await createChild(alex, { name: "Ona" });
  const sam = await memberOf(alex, "parent", "Sam");
  const kim = await memberOf(alex, "caregiver", "Kim");
  const created = await api(alex.token).post("/api/v1/activities", bottle(child.id));
  const entryId = created.body.activity.id as string;

  const phones = [await phoneOf(browser, baseURL, alex), await phoneOf(browser, baseURL, sam), await phoneOf(browser, baseURL, kim)];
  for (const { page } of phones) {
    await page.goto(`/en?child=${child.id}`);
    await readyForOffline(page, "Ona");
  }
  // The parents also keep the bottle's edit page.
  for (const { page } of phones.slice(0, 2)) {
    await page.goto(`/en/entries/${entryId}/edit`);
    await page.reload();
    await expect(page.getByLabel("Amount (ml)")).toHaveValue("120");
  }
  for (const { context } of phones) await context.setOffline(true);

  const [alexPhone, samPhone, kimPhone] = phones;
  await alexPhone.page.getByLabel("Amount (ml)").fill("100");
  await alexPhone.page.getByRole("button", { name: "Save changes" }).click();
  await expect(syncStatus(alexPhone.page)).toContainText("1 entry waiting");
  await samPhone.page.getByLabel("Amount (ml)").fill("110");
  await samPhone.page.getByRole("button", { name: "Save changes" }).click();
  await expect(syncStatus(samPhone.page)).toContainText("1 entry waiting");
  await kimPhone.home.logDiaper("Wet");
  await expect(pending(kimPhone.page)).toHaveCount(1);
  await kimPhone.page.waitForTimeout(2_600);
  await kimPhone.home.logDiaper("Dirty");
  await expect(pending(kimPhone.page)).toHaveCount(2);

  // Both changed the amount: the higher stamp wins it (Sam's later 110, while clocks are sane).
  const amount = (await laterStamp(alexPhone.page, samPhone.page)) === "second" ? "110 ml" : "100 ml";

  // Back in the reverse order of the edits: the winner does not depend on who syncs last.
  for (const { context, page } of [kimPhone, samPhone, alexPhone]) {
    await context.setOffline(false);
    await expect(syncStatus(page)).toHaveCount(0, { timeout: 30_000 });
  }

  const seen: string[][] = [];
  for (const { page, home } of phones) {
    await page.goto(`/en?child=${child.id}`);
    await expect(home.entries()).toHaveCount(3);
    // Who logged an entry and its menu (only where that member may edit it) differ by role; the entries may not.
    seen.push(
      (await home.entries().allInnerTexts()).map((text) =>
        text
          .replace(/\s+/g, " ")
          .replace(/by \w+/g, "")
          .replace("⋯", "")
          .trim(),
      ),
    );
  }
  expect(seen[1]).toEqual(seen[0]);
  expect(seen[2]).toEqual(seen[0]);
  await expect(alexPhone.home.entry("Bottle")).toContainText(amount);
  await closeAll(phones);
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, devices, type Page } from "@playwright/test";
import { createChild, registerAccount, type Account } from "../helpers/api";
import { expect, test } from "./fixtures/test";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import fr from "../../messages/fr.json";
import de from "../../messages/de.json";
import ptBR from "../../messages/pt-BR.json";
import ar from "../../messages/ar.json";

const messages = { en, es, fr, de, "pt-BR": ptBR, ar } as const;
type Manifest = {
  id: string;
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  lang: string;
  dir: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
  shortcuts: { name: string; url: string }[];
};

async function waitForServiceWorkerControl(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
}

/** Signs in through the form and waits until the service worker controls the page. */
async function signInControlled(
  page: Page,
  auth: { gotoSignIn(): Promise<void>; signIn(e: string, p: string): Promise<void> },
  account: Account,
) {
  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);
  await waitForServiceWorkerControl(page);
}

test("each locale links its own manifest: translated names and shortcuts, start URL, icons that load, a maskable icon", async ({
  page,
}) => {
  for (const [locale, m] of Object.entries(messages)) {
    await page.goto(`/${locale}/sign-in`);
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBe(`/${locale}/manifest.webmanifest`);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/manifest+json");
    const manifest = (await response.json()) as Manifest;
    expect(manifest).toMatchObject({
      id: "/",
      name: m.app.name,
      short_name: m.pwa.shortName,
      start_url: `/${locale}`,
      scope: "/",
      lang: locale,
      dir: locale === "ar" ? "rtl" : "ltr",
      display: "standalone",
      background_color: "#f7f5f2",
    });
    expect(manifest.shortcuts).toEqual([
      expect.objectContaining({ name: m.pwa.shortcuts.feed, url: `/${locale}/log/feeding` }),
      expect.objectContaining({ name: m.pwa.shortcuts.diaper, url: `/${locale}/log/diaper` }),
      expect.objectContaining({ name: m.pwa.shortcuts.sleep, url: `/${locale}#quick-sleep` }),
    ]);
    const purposes = manifest.icons.map((i) => `${i.sizes} ${i.type} ${i.purpose ?? "any"}`);
    expect(purposes).toEqual(
      expect.arrayContaining(["192x192 image/png any", "512x512 image/png any", "512x512 image/png maskable", "any image/svg+xml any"]),
    );
    for (const icon of manifest.icons) {
      const file = await page.request.get(icon.src);
      expect(file.status(), icon.src).toBe(200);
      expect(file.headers()["content-type"], icon.src).toContain(icon.type);
    }
  }
  // The favicon and the home-screen icon for iOS.
  for (const rel of ["icon", "apple-touch-icon"]) {
    const href = await page.locator(`link[rel="${rel}"]`).first().getAttribute("href");
    expect((await page.request.get(href!)).status(), rel).toBe(200);
  }
});

// Chromium never offers to install from an incognito profile, and every Playwright context is
// one; this test opens a real (throw-away) profile instead.
test("Chromium finds the app installable, with the service worker registered and in control", async ({ baseURL, launchOptions }) => {
  const profile = mkdtempSync(path.join(tmpdir(), "nestling-pwa-"));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, ...devices["Pixel 7"], baseURL });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto("/en/sign-in");
    await waitForServiceWorkerControl(page);
    const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(new URL(scriptURL!).pathname).toBe("/sw.js");
    const cdp = await context.newCDPSession(page);
    const { errors, url } = await cdp.send("Page.getAppManifest");
    expect(new URL(url).pathname).toBe("/en/manifest.webmanifest");
    expect(errors).toEqual([]);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test("offline: a visited page comes from the cache, a page never visited shows the offline page, the API is not cached", async ({
  page,
  auth,
}) => {
  const account = await registerAccount("Offline");
  const child = await createChild(account, { name: "Nico" });
  await signInControlled(page, auth, account);
  // The first load came before the worker took control; this one goes through it.
  await page.goto(`/en?child=${child.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Nico" })).toBeVisible();
  // A client-side move (the tab bar): the page reports it and the worker keeps the page too.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(/\/en\/timeline/);
  const timelineUrl = page.url();
  await expect
    .poll(() => page.evaluate(async (url) => Boolean(await (await caches.open("nestling-pages")).match(url)), timelineUrl))
    .toBe(true);

  await page.context().setOffline(true);
  try {
    // Really offline, also for the worker: the API is network-only.
    expect(
      await page.evaluate(() =>
        fetch("/api/health").then(
          () => "reached",
          () => "failed",
        ),
      ),
    ).toBe("failed");
    await page.reload();
    await expect(page).toHaveURL(timelineUrl);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("You are offline");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Timeline" })).toHaveAttribute(
      "aria-current",
      "page",
    );

    await page.goto(`/en?child=${child.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Nico" })).toBeVisible();

    await page.goto("/en/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    // In the page's own language.
    await page.goto("/fr/timeline");
    await expect(page.getByRole("heading", { level: 1, name: "Vous êtes hors ligne" })).toBeVisible();
  } finally {
    await page.context().setOffline(false);
  }
});

test("signing out drops the cached pages, so the next person on this device cannot open them offline", async ({ page, auth }) => {
  const account = await registerAccount("Leaves");
  const child = await createChild(account, { name: "Private" });
  await signInControlled(page, auth, account);
  await page.goto(`/en?child=${child.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Private" })).toBeVisible();
  expect(await page.evaluate(async () => (await (await caches.open("nestling-pages")).keys()).length)).toBeGreaterThan(0);

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await expect.poll(() => page.evaluate(() => caches.has("nestling-pages"))).toBe(false);

  await page.context().setOffline(true);
  try {
    await page.goto(`/en?child=${child.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
    await expect(page.getByText("Private")).toHaveCount(0);
  } finally {
    await page.context().setOffline(false);
  }
});

test("a new version waiting shows an accessible Reload toast, and Reload hands over to it", async ({ page }) => {
  await page.goto("/en/sign-in");
  await waitForServiceWorkerControl(page);
  await expect(page.getByRole("button", { name: "Reload" })).toHaveCount(0);
  // A new worker script for the same scope is an update; it installs and waits.
  await page.evaluate(() => navigator.serviceWorker.register("/sw.js?next-version", { scope: "/" }));

  const toast = page.getByRole("status").filter({ hasText: "A new version of Nestling is ready." });
  await expect(toast).toBeVisible({ timeout: 30_000 });
  const reload = toast.getByRole("button", { name: "Reload" });
  const box = await reload.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await expect(toast.getByRole("button", { name: "Later" })).toBeVisible();

  await Promise.all([page.waitForEvent("load"), reload.click()]);
  await waitForServiceWorkerControl(page);
  const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  expect(controller).toMatch(/\/sw\.js\?next-version$/);
  await expect(page.getByRole("button", { name: "Reload" })).toHaveCount(0);
});

test("the app shortcuts open the first child's feed and diaper forms and home's sleep card", async ({ page, auth }) => {
  const account = await registerAccount("Shortcut");
  const child = await createChild(account, { name: "Tilly" });
  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);
  await page.goto("/en/log/feeding");
  await expect(page).toHaveURL(new RegExp(`/en/log/feeding\\?child=${child.id}$`));
  await page.goto("/en/log/diaper");
  await expect(page).toHaveURL(new RegExp(`/en/log/diaper\\?child=${child.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tilly");
  await page.goto("/en#quick-sleep");
  await expect(page.locator("#quick-sleep").getByRole("button", { name: "Start sleep" })).toBeVisible();
});

test("settings show this device's storage use and whether it is persistent", async ({ page, auth }) => {
  const account = await registerAccount("Storage");
  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);
  await page.goto("/en/settings");
  const region = page.getByRole("region", { name: "Storage on this device" });
  await expect(region.getByTestId("storage-usage")).toHaveText(/^[\d.,]+\s?(MB|GB) used of [\d.,]+\s?(MB|GB) available$/);
  await expect(region.getByTestId("storage-persistent")).toHaveText(/^(Yes|No)$/);
  await expect(region.getByText("Persistent storage", { exact: true })).toBeVisible();
});

import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { seedFamily } from "./fixtures/seed";
import { BASE_URL } from "../helpers/api";

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator} has no box`);
  return { left: b.x, right: b.x + b.width };
}

/** Where the brand, the header's tools and the first and last tabs of the bottom navigation sit. */
async function layout(page: Page) {
  const header = page.getByRole("banner");
  const tabs = page.locator(".app-nav li");
  return {
    brand: await box(header.locator(".brand")),
    tools: await box(header.locator("summary")),
    firstTab: await box(tabs.first()),
    lastTab: await box(tabs.last()),
  };
}

async function signIn(page: Page) {
  const seeded = await seedFamily({ baseUrl: BASE_URL, days: 1 });
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(seeded.email);
  await page.getByLabel("Password").fill(seeded.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return seeded;
}

test("switching to Arabic from the language menu gives a right-to-left page with a mirrored header and navigation", async ({ page }) => {
  const seeded = await signIn(page);
  await page.goto(`/en/timeline?child=${seeded.child.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  const ltr = await layout(page);
  // Left to right: the brand starts the header, the tools end it; Home is the leftmost tab.
  expect(ltr.brand.right).toBeLessThan(ltr.tools.left);
  expect(ltr.firstTab.right).toBeLessThanOrEqual(ltr.lastTab.left);

  await page.getByRole("banner").locator("summary").click();
  await page.getByRole("link", { name: "العربية" }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/timeline\\?child=${seeded.child.id}$`));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");

  const rtl = await layout(page);
  expect(rtl.brand.left).toBeGreaterThan(rtl.tools.right);
  expect(rtl.firstTab.left).toBeGreaterThanOrEqual(rtl.lastTab.right);
  // Mirrored, not merely moved: the brand is as far from the right edge as it was from the left.
  const width = page.viewportSize()!.width;
  expect(Math.abs(width - rtl.brand.right - ltr.brand.left)).toBeLessThanOrEqual(2);
});

test("every Arabic page is right-to-left, signed out too", async ({ page }) => {
  for (const path of ["/ar/sign-in", "/ar/sign-up"]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  }
  const seeded = await signIn(page);
  for (const path of [`/ar?child=${seeded.child.id}`, `/ar/dashboard?child=${seeded.child.id}`, "/ar/settings", "/ar/children/new"]) {
    await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  }
});

test("at 320 px no page scrolls sideways, in English or Arabic", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const seeded = await signIn(page);
  const child = `child=${seeded.child.id}`;
  for (const locale of ["en", "ar"]) {
    for (const path of [
      `/${locale}?${child}`,
      `/${locale}/timeline?${child}`,
      `/${locale}/family`,
      `/${locale}/settings`,
      `/${locale}/log/feeding?${child}&method=bottle`,
    ]) {
      await page.goto(path);
      await expect(page.locator("h1")).toBeVisible();
      await page.locator("main details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(clientWidth, path).toBe(320);
      expect(scrollWidth, `${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(clientWidth);
    }
  }
});

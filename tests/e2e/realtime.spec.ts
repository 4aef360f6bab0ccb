import { devices, type Browser, type Page } from "@playwright/test";
import { createChild, memberOf, registerAccount } from "../helpers/api";
import { expect, test } from "./fixtures/test";
import { AuthPages } from "./pages/auth-pages";
import { HomePage } from "./pages/home-page";

const octet = () => Math.floor(Math.random() * 250) + 1;

/** A second phone: its own cookies and its own client IP (rate limits are per IP). */
async function secondPhone(browser: Browser, baseURL: string | undefined) {
  return browser.newContext({
    ...devices["Pixel 7"],
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": `10.${octet()}.${octet()}.${octet()}` },
  });
}

/** The header's live-updates indicator; its tooltip carries the translated state. */
const indicator = (page: Page) => page.getByRole("banner").locator("[data-connection]");

async function expectConnection(page: Page, state: "live" | "offline", title: string) {
  await expect(indicator(page)).toHaveAttribute("data-connection", state, { timeout: 15_000 });
  await expect(indicator(page)).toHaveAttribute("title", `Live updates: ${title}`);
}

/** Marks the document, so a later check proves the page was never reloaded. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}

async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
}

test("two phones of one family: entries and timers show up, change and go on the other without a reload; offline catches up", async ({
  page,
  browser,
  baseURL,
  auth,
  home,
}) => {
  test.setTimeout(120_000);
  const alex = await registerAccount("Alex");
  await createChild(alex, { name: "Noa" });
  const sam = await memberOf(alex, "caregiver", "Sam");

  // Alex's phone (A) and Sam's phone (B), both on Noa's home.
  await auth.gotoSignIn();
  await auth.signIn(alex.email, alex.password);
  await home.goto();
  await expect(page.getByRole("heading", { level: 1, name: "Noa" })).toBeVisible();
  const phone = await secondPhone(browser, baseURL);
  const samPage = await phone.newPage();
  await new AuthPages(samPage).gotoSignIn();
  await new AuthPages(samPage).signIn(sam.email, sam.password);
  const samHome = new HomePage(samPage);
  await samHome.goto();
  await expect(samPage.getByRole("heading", { level: 1, name: "Noa" })).toBeVisible();
  await expectConnection(page, "live", "Live");
  await expectConnection(samPage, "live", "Live");
  await expect(samHome.entries()).toHaveCount(0);
  await markDocument(samPage);

  // A bottle logged on A appears on B: in the recent entries and the "last feed" tile.
  await home.logBottle("120", "Formula");
  await expect(home.entry("Bottle")).toContainText("120 ml formula");
  await expect(samHome.entry("Bottle")).toContainText("120 ml formula");
  await expect(samHome.entry("Bottle")).toContainText("by Alex");
  await expect(samHome.since("feed")).not.toContainText("Not logged yet");

  // A timer started on A runs on B; stopped on A, it leaves B and becomes an entry there.
  await home.startBreastfeed("left");
  await expect(samHome.timer("Breastfeed")).toContainText("Left side");
  await expect(samHome.timer("Breastfeed")).toContainText("by Alex");
  await home.stopTimer("Breastfeed");
  await expect(samHome.timer("Breastfeed")).toHaveCount(0);
  await expect(samHome.entry("Breastfeed")).toHaveCount(1);

  // Deleted on A, gone on B.
  await home.deleteEntry("Bottle");
  await expect(samHome.entry("Bottle")).toHaveCount(0);
  await expect(samHome.entries()).toHaveCount(1);
  await expectSameDocument(samPage);

  // B goes offline: the indicator says so, and what A logs meanwhile cannot reach it.
  await phone.setOffline(true);
  await expectConnection(samPage, "offline", "Offline");
  await home.logDiaper("Both");
  await expect(home.entry("Diaper")).toContainText("Wet + dirty");
  await expect(samHome.entry("Diaper")).toHaveCount(0);

  // Back online: live again, and the diaper logged while B was away shows up without a reload.
  await phone.setOffline(false);
  await expectConnection(samPage, "live", "Live");
  await expect(samHome.entry("Diaper")).toContainText("Wet + dirty");
  await expect(samHome.entries()).toHaveCount(2);
  await expectSameDocument(samPage);
  await phone.close();
});

import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { createInvite, seedFamily, type SeededFamily } from "./fixtures/seed";
import { AuthPages } from "./pages/auth-pages";
import { BASE_URL } from "../helpers/api";

type Scheme = "light" | "dark";
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

const octet = () => Math.floor(Math.random() * 250) + 1;

/** The page background of each scheme (--bg in app/globals.css): proves the scheme was applied. */
const BACKGROUND: Record<Scheme, string> = { light: "rgb(247, 245, 242)", dark: "rgb(20, 22, 26)" };

/** Every page of the app, signed in as a parent whose child has two days of entries. */
const signedInPages: { name: string; path: (s: SeededFamily) => string }[] = [
  { name: "home", path: (s) => `/en?child=${s.child.id}` },
  { name: "bottle form", path: (s) => `/en/log/feeding?child=${s.child.id}&method=bottle` },
  { name: "diaper form", path: (s) => `/en/log/diaper?child=${s.child.id}` },
  { name: "entry edit", path: (s) => `/en/entries/${s.entryId}/edit` },
  { name: "timeline", path: (s) => `/en/timeline?child=${s.child.id}` },
  { name: "dashboard", path: (s) => `/en/dashboard?child=${s.child.id}` },
  { name: "assistant", path: (s) => `/en/assistant?child=${s.child.id}` },
  { name: "family", path: () => "/en/family" },
  { name: "settings", path: () => "/en/settings" },
  { name: "welcome: family", path: () => "/en/welcome" },
  { name: "welcome: child", path: () => "/en/welcome?step=child" },
  { name: "welcome: log", path: (s) => `/en/welcome?step=log&child=${s.child.id}` },
  { name: "new child", path: () => "/en/children/new" },
  { name: "child edit", path: (s) => `/en/children/${s.child.id}/edit` },
  { name: "home (ar)", path: (s) => `/ar?child=${s.child.id}` },
  { name: "bottle form (ar)", path: (s) => `/ar/log/feeding?child=${s.child.id}&method=bottle` },
];

const signedOutPages: [string, string][] = [
  ["sign-in", "/en/sign-in"],
  ["sign-up", "/en/sign-up"],
  ["sign-in (ar)", "/ar/sign-in"],
];

/** axe's default rules plus target-size (off by default; Lighthouse turns it on, so do we). */
const axe = (page: Page) => new AxeBuilder({ page }).options({ rules: { "target-size": { enabled: true } } });

/**
 * Loads a page in a colour scheme and returns axe's serious and critical findings, twice: as it
 * loads, then with every disclosure open (what hides behind "More kinds of entry" or "Show the
 * numbers" is checked too, and the layout moves, so overlaps such as target-size change).
 */
async function seriousViolations(page: Page, path: string, scheme: Scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered`).toBe(200);
  await expect(page).toHaveURL(new RegExp(`${path.split("?")[0].replace(/\//g, "\\/")}(\\?|$)`));
  await expect(page.locator("h1")).toBeVisible();
  await expect(page.locator("body")).toHaveCSS("background-color", BACKGROUND[scheme]);
  // Whether the sticky tab bar covers a target depends on where the fold falls for this much data
  // at this viewport, not on the target (axe target-size calls it "partially obscured"): scan with
  // the bar in the flow. Its own contrast and names are still checked.
  await page.addStyleTag({ content: ".app-nav { position: static !important; }" });
  const asLoaded = (await axe(page).analyze()).violations;
  await page.locator("main details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const opened = (await axe(page).analyze()).violations.filter((v) => !asLoaded.some((w) => w.id === v.id));
  return [...asLoaded, ...opened].filter((v) => v.impact === "serious" || v.impact === "critical");
}

function listViolations(violations: Awaited<ReturnType<typeof seriousViolations>>): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} ${v.helpUrl}`,
        ...v.nodes
          .slice(0, 8)
          .map((n) => `    ${n.target.join(" ")}  ${n.html.slice(0, 160)}\n      ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`),
      ].join("\n"),
    )
    .join("\n");
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`axe, ${scheme}`, () => {
    for (const [name, path] of signedOutPages) {
      test(`${name} has no serious or critical violations`, async ({ page }) => {
        const found = await seriousViolations(page, path, scheme);
        expect(
          found.map((v) => v.id),
          listViolations(found),
        ).toEqual([]);
      });
    }

    test("an invite, opened signed out, has no serious or critical violations", async ({ page }) => {
      const code = await createInvite(await seedFamily({ baseUrl: BASE_URL, days: 0 }));
      const found = await seriousViolations(page, `/en/invite/${code}`, scheme);
      expect(
        found.map((v) => v.id),
        listViolations(found),
      ).toEqual([]);
    });

    test.describe("signed in", () => {
      let seeded: SeededFamily;
      let signedIn: StorageState;

      test.beforeAll(async ({ browser }) => {
        seeded = await seedFamily({ baseUrl: BASE_URL });
        const ip = `10.${octet()}.${octet()}.${octet()}`;
        const context = await browser.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { "x-forwarded-for": ip } });
        const page = await context.newPage();
        const auth = new AuthPages(page);
        await auth.gotoSignIn();
        await auth.signIn(seeded.email, seeded.password);
        signedIn = await context.storageState();
        await context.close();
      });

      test.use({ storageState: async ({}, provide) => provide(signedIn) });

      // One test per page (the seeded family is shared): the report names the page that fails.
      for (const { name, path } of signedInPages) {
        test(`${name} has no serious or critical violations`, async ({ page }) => {
          const found = await seriousViolations(page, path(seeded), scheme);
          expect(
            found.map((v) => v.id),
            listViolations(found),
          ).toEqual([]);
        });
      }
    });
  });
}

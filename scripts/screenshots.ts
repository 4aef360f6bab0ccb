/**
 * `npm run screenshots` — the README's screenshots, from the production build with a seeded family:
 * phone home (light, dark, Arabic), phone timeline, desktop dashboard, into docs/screenshots/.
 *
 * Like bench/ui: fresh database + migrations, `next build` into NEXT_DIST_DIR (default
 * .next-screenshots; SKIP_BUILD=1 reuses it), `next start`, a parent with a child and ten days of
 * entries (tests/e2e/fixtures/seed.ts), signed in; Playwright drives Debian's Chromium. Phone shots
 * are one viewport (not the full page) at 2× so the PNGs stay small. Stops everything and drops the
 * database, also on error or Ctrl-C.
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { chromium, devices, type Browser } from "@playwright/test";
import { seedFamily, signInCookies } from "../tests/e2e/fixtures/seed";
import { startFreshApp } from "../bench/ui/fresh-app";

const OUT = path.resolve(import.meta.dirname, "../docs/screenshots");
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

type Shot = { file: string; path: (childId: string) => string; device: "phone" | "desktop"; scheme: "light" | "dark" };
const shots: Shot[] = [
  { file: "phone-home-light.png", path: (id) => `/en?child=${id}`, device: "phone", scheme: "light" },
  { file: "phone-home-dark.png", path: (id) => `/en?child=${id}`, device: "phone", scheme: "dark" },
  { file: "phone-home-ar.png", path: (id) => `/ar?child=${id}`, device: "phone", scheme: "light" },
  { file: "phone-timeline.png", path: (id) => `/en/timeline?child=${id}`, device: "phone", scheme: "light" },
  { file: "desktop-dashboard.png", path: (id) => `/en/dashboard?child=${id}`, device: "desktop", scheme: "light" },
];

let stopApp: () => Promise<void> = async () => {};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopApp().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

async function main() {
  const app = await startFreshApp(
    { name: "screenshots", distDir: process.env.NEXT_DIST_DIR ?? ".next-screenshots", skipBuild: process.env.SKIP_BUILD === "1" },
    (stop) => (stopApp = stop),
  );
  const seeded = await seedFamily({ baseUrl: app.url, days: 10, name: "Robin" });
  const { cookies } = await signInCookies(seeded);
  mkdirSync(OUT, { recursive: true });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs });
    for (const shot of shots) {
      const context = await browser.newContext({
        ...(shot.device === "phone"
          ? { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }
          : { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 }),
        colorScheme: shot.scheme,
        locale: "en-GB",
        timezoneId: seeded.child.timezone,
      });
      await context.addCookies(cookies.map((c) => ({ ...c, url: app.url })));
      const page = await context.newPage();
      await page.goto(`${app.url}${shot.path(seeded.child.id)}`);
      await page.locator("h1").waitFor();
      if (page.url().includes("/sign-in")) throw new Error(`${shot.file}: not signed in`);
      await page.waitForLoadState("networkidle");
      const file = path.join(OUT, shot.file);
      await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
      console.log(`[screenshots] ${path.relative(process.cwd(), file)} (${Math.round(statSync(file).size / 1024)} kB)`);
      await context.close();
    }
  } finally {
    await browser?.close();
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => stopApp());

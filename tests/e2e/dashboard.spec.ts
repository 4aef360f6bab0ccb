import { test, expect } from "./fixtures/test";
import { DashboardPage } from "./pages/dashboard-page";
import { api, createChild, registerAccount, type Account } from "../helpers/api";
import { wallClock, zonedInstant } from "../../lib/time/zoned";

const TZ = "Asia/Tokyo";
const HOUR = 3600_000;

test.use({ viewport: { width: 1440, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

async function log(account: Account, body: Record<string, unknown>) {
  const res = await api(account.token).post("/api/v1/activities", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

test("the desktop dashboard charts the last weeks with the numbers in their tables, lists growth, and prints without navigation", async ({
  page,
  auth,
}) => {
  const account = await registerAccount("Robin");
  const child = await createChild(account, { name: "Lou", timezone: TZ });
  // "Now" is about 12 h into today, so yesterday is a whole day behind us whatever the clock says.
  const dayStartHour = (wallClock(new Date(), TZ).hour + 12) % 24;
  expect((await api(account.token).patch("/api/v1/me", { settings: { dayStartHour } })).status).toBe(200);
  const w = wallClock(new Date(), TZ);
  const startToday = zonedInstant(TZ, w.year, w.month, w.day - (w.hour < dayStartHour ? 1 : 0), dayStartHour);
  const startYesterday = new Date(startToday.getTime() - 24 * HOUR);
  const y = wallClock(startYesterday, TZ);
  const yesterdayLabel = new Intl.DateTimeFormat("en", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }).format(
    new Date(Date.UTC(y.year, y.month - 1, y.day, 12)),
  );
  const at = (hours: number) => new Date(startYesterday.getTime() + hours * HOUR).toISOString();

  for (const h of [1, 5, 9]) {
    await log(account, {
      childId: child.id,
      type: "feeding",
      startedAt: at(h),
      details: { method: "bottle", amountMl: 100, milk: "formula" },
    });
  }
  await log(account, {
    childId: child.id,
    type: "feeding",
    startedAt: at(11),
    details: { method: "breast", leftSeconds: 600, rightSeconds: 300 },
  });
  await log(account, { childId: child.id, type: "sleep", startedAt: at(2), endedAt: at(3.5), details: {} });
  await log(account, { childId: child.id, type: "diaper", startedAt: at(4), details: { wet: true, dirty: false } });
  await log(account, { childId: child.id, type: "diaper", startedAt: at(6), details: { wet: true, dirty: true } });
  await log(account, {
    childId: child.id,
    type: "growth",
    startedAt: at(-24 * 10),
    details: { weightGrams: 4200, lengthMm: 540, headMm: 370 },
  });
  await log(account, { childId: child.id, type: "growth", startedAt: at(7), details: { weightGrams: 4500, lengthMm: 555, headMm: 380 } });

  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);
  const dashboard = new DashboardPage(page);
  await dashboard.goto({ child: child.id });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard · Lou");

  // Wide screen: the cards sit side by side (whichever card shares the feeds card's row).
  const feedsBox = (await dashboard.card("feeds").boundingBox())!;
  const boxes = await page
    .locator("main section, main [class*='card']")
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width })));
  const beside = boxes.filter((b) => Math.abs(b.y - feedsBox.y) < 2 && (b.x >= feedsBox.x + feedsBox.width || b.x + b.width <= feedsBox.x));
  expect(beside.length).toBeGreaterThan(0);

  await expect(dashboard.chartImage("feeds")).toHaveAttribute("aria-label", /over 14 days: 4 in all/);
  const feeds = await dashboard.table("feeds", "Feeds per day (breast and bottle)");
  await expect(feeds.getByRole("row")).toHaveCount(15);
  await expect(dashboard.row(feeds, yesterdayLabel).getByRole("cell")).toHaveText(["4"]);

  const bottle = await dashboard.table("intake", "Bottle intake per day in ml");
  await expect(dashboard.row(bottle, yesterdayLabel).getByRole("cell")).toHaveText(["300"]);
  const breast = await dashboard.table("intake", "Breastfeeding minutes per day");
  await expect(dashboard.row(breast, yesterdayLabel).getByRole("cell")).toHaveText(["15"]);

  const sleep = await dashboard.table("sleep", "Hours of sleep per day");
  await expect(sleep.getByRole("columnheader")).toHaveText(["Day", "Night sleep (7 pm to 7 am)", "Day sleep", "Total"]);
  await expect(dashboard.row(sleep, yesterdayLabel).getByRole("cell").last()).toHaveText("1.5");

  const diapers = await dashboard.table("diapers", "Wet and dirty diapers per day");
  await expect(dashboard.row(diapers, yesterdayLabel).getByRole("cell")).toHaveText(["2", "1"]);

  const feedsByHour = await dashboard.table("heat-map", "Feeds by hour");
  await expect(dashboard.row(feedsByHour, yesterdayLabel).getByRole("cell").filter({ hasText: /^1$/ })).toHaveCount(4);
  const sleepByHour = await dashboard.table("heat-map", "Minutes asleep by hour");
  await expect(dashboard.row(sleepByHour, yesterdayLabel).getByRole("cell").filter({ hasText: /^60$/ })).toHaveCount(1);
  await expect(dashboard.row(sleepByHour, yesterdayLabel).getByRole("cell").filter({ hasText: /^30$/ })).toHaveCount(1);

  const growth = dashboard.card("growth").getByRole("table");
  await expect(growth.getByRole("columnheader")).toHaveText(["Date", "Weight (kg)", "Length (cm)", "Head (cm)"]);
  await expect(growth.getByRole("row")).toHaveCount(3);
  // Each value carries its WHO percentile underneath.
  const pct = /\d+(st|nd|rd|th) percentile$/;
  const cells = (row: number) => growth.getByRole("row").nth(row).getByRole("cell");
  await expect(cells(1)).toHaveText([/^4\.5\d/, /^55\.5\d/, /^38\d/]);
  await expect(cells(2)).toHaveText([/^4\.2\d/, /^54\d/, /^37\d/]);
  for (const row of [1, 2]) for (const cell of await cells(row).all()) await expect(cell).toHaveText(pct);

  // WHO growth charts: percentile bands for girls, the two measurements as points, the numbers in a table.
  for (const [card, title] of [
    ["growth-weight", "Weight-for-age"],
    ["growth-length", "Length/height-for-age"],
    ["growth-head", "Head circumference-for-age"],
  ] as const) {
    await expect(dashboard.card(card).getByRole("heading", { level: 2 })).toHaveText(title);
    await expect(dashboard.chartImage(card)).toHaveAttribute(
      "aria-label",
      new RegExp(
        `^${title} for girls on the WHO standard, with lines at the 3rd, 15th, 50th, 85th and 97th percentiles: 2 measurements, the latest .* at 4 weeks, on the \\d+(st|nd|rd|th) percentile\\.$`,
      ),
    );
    await expect(dashboard.chartImage(card).locator("circle")).toHaveCount(2);
    for (const line of ["3rd", "15th", "50th", "85th", "97th"])
      await expect(dashboard.chartImage(card).getByText(line, { exact: true })).toHaveCount(1);
  }
  const weights = await dashboard.table("growth-weight", "Weight-for-age: measurements and their WHO percentiles");
  await expect(weights.getByRole("columnheader")).toHaveText(["Date", "Age", "Weight (kg)", "Percentile"]);
  await expect(weights.getByRole("row")).toHaveCount(3);
  await expect(weights.getByRole("row").nth(1).getByRole("cell")).toHaveText([/^2 weeks$/, "4.2", pct]);
  await expect(weights.getByRole("row").nth(2).getByRole("cell")).toHaveText(["4 weeks", "4.5", pct]);

  // Four weeks: one row per day.
  await page.getByRole("link", { name: "28 days" }).click();
  await expect(page).toHaveURL(/days=28/);
  await expect((await dashboard.table("feeds", "Feeds per day (breast and bottle)")).getByRole("row")).toHaveCount(29);

  // Print: no navigation or controls, black on white, the charts still there.
  const nav = page.getByRole("navigation", { name: "Main" }).last();
  await expect(nav).toBeVisible();
  await expect(dashboard.printButton()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(nav).toBeHidden();
  await expect(dashboard.printButton()).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Period" })).toBeHidden();
  await expect(dashboard.chartImage("feeds")).toBeVisible();
  await expect(dashboard.chartImage("heat-map")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCSS("color", "rgb(0, 0, 0)");
  await expect(dashboard.card("feeds")).toHaveCSS("background-color", "rgb(255, 255, 255)");
  await page.emulateMedia({ media: "screen" });
  await expect(dashboard.printButton()).toBeVisible();
});

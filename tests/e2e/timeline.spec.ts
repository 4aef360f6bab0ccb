import { test, expect } from "./fixtures/test";
import { TimelinePage } from "./pages/timeline-page";
import { api, createChild, registerAccount, type Account } from "../helpers/api";
import { wallClock, zonedInstant } from "../../lib/time/zoned";

const TZ = "America/New_York";
const HOUR = 3600_000;

/** Sets the day-start hour so that "now" is about 12 h into today: no test depends on the clock. */
async function startDayHalfADayAgo(account: Account) {
  const dayStartHour = (wallClock(new Date(), TZ).hour + 12) % 24;
  const res = await api(account.token).patch("/api/v1/me", { settings: { dayStartHour } });
  expect(res.status).toBe(200);
  return dayStartHour;
}

/** The calendar date (child's zone) and start instant of today's and yesterday's timeline days. */
function days(dayStartHour: number) {
  const now = new Date();
  const w = wallClock(now, TZ);
  const startToday = zonedInstant(TZ, w.year, w.month, w.day - (w.hour < dayStartHour ? 1 : 0), dayStartHour);
  const iso = (d: Date) => {
    const p = wallClock(d, TZ);
    return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  };
  const startYesterday = new Date(startToday.getTime() - 24 * HOUR);
  return { today: iso(startToday), yesterday: iso(startYesterday), startToday, startYesterday };
}

async function log(account: Account, body: Record<string, unknown>) {
  const res = await api(account.token).post("/api/v1/activities", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.activity as { id: string };
}

const at = (start: Date, hours: number) => new Date(start.getTime() + hours * HOUR).toISOString();

test("the timeline shows each day's entries, navigates between days, filters by type and draws the sleep block", async ({ page, auth }) => {
  const account = await registerAccount("Sam");
  const child = await createChild(account, { name: "Noa", timezone: TZ });
  const { today, yesterday, startToday, startYesterday } = days(await startDayHalfADayAgo(account));

  const yBottle = await log(account, {
    childId: child.id,
    type: "feeding",
    startedAt: at(startYesterday, 2),
    details: { method: "bottle", amountMl: 100, milk: "formula" },
  });
  await log(account, { childId: child.id, type: "sleep", startedAt: at(startYesterday, 4), endedAt: at(startYesterday, 6), details: {} });
  await log(account, { childId: child.id, type: "diaper", startedAt: at(startYesterday, 7), details: { wet: true, dirty: false } });
  await log(account, {
    childId: child.id,
    type: "feeding",
    startedAt: at(startToday, 1),
    details: { method: "bottle", amountMl: 150, milk: "breast_milk" },
  });
  await log(account, { childId: child.id, type: "diaper", startedAt: at(startToday, 2), details: { wet: true, dirty: true } });

  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);
  const timeline = new TimelinePage(page);
  await timeline.goto({ child: child.id });

  await expect(timeline.dayHeading()).toHaveText("Today");
  await expect(timeline.entries()).toHaveCount(2);
  await expect(timeline.entry("Bottle")).toContainText("150 ml breast milk");
  await expect(timeline.entry("Diaper")).toContainText("Wet + dirty");
  await expect(timeline.entry("Bottle")).toContainText("by you");
  await expect(timeline.sleepBlocks()).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Next day" })).toHaveAttribute("aria-disabled", "true");

  await timeline.previousDay();
  await expect(page).toHaveURL(new RegExp(`date=${yesterday}`));
  await expect(timeline.dayHeading()).toHaveText("Yesterday");
  await expect(timeline.entries()).toHaveCount(3);
  await expect(timeline.entry("Bottle")).toContainText("100 ml formula");
  await expect(timeline.entry("Sleep")).toContainText("2 h 0 min");
  await expect(timeline.entry("Bottle").getByRole("link")).toHaveAttribute("href", `/en/entries/${yBottle.id}/edit`);

  // The 24-hour chart: one sleep block, two hours of the day's 24 tall, and its row in the chart's table.
  await expect(timeline.chart()).toHaveAttribute("aria-label", /1 sleep \(2 h 0 min asleep\), 1 feed, 1 diaper/);
  await expect(timeline.sleepBlocks()).toHaveCount(1);
  const chartBox = (await timeline.chart().getAttribute("viewBox"))!.split(" ").map(Number);
  const blockHeight = Number(await timeline.sleepBlocks().getAttribute("height"));
  expect(blockHeight / chartBox[3]).toBeGreaterThan(1.5 / 24);
  expect(blockHeight / chartBox[3]).toBeLessThan(2.5 / 24);
  const table = await timeline.chartTable();
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("row").filter({ hasText: "Sleep" })).toHaveCount(1);

  await timeline.filter("Diapers");
  await expect(page).toHaveURL(/type=diaper/);
  await expect(timeline.entries()).toHaveCount(1);
  await expect(timeline.entry("Diaper")).toContainText("Wet");
  await expect(timeline.sleepBlocks()).toHaveCount(0);
  await timeline.filter("Sleep");
  await expect(timeline.entries()).toHaveCount(1);
  await expect(timeline.sleepBlocks()).toHaveCount(1);
  await timeline.filter("All");
  await expect(timeline.entries()).toHaveCount(3);

  await timeline.nextDay();
  await expect(page).toHaveURL(new RegExp(`date=${today}`));
  await expect(timeline.entries()).toHaveCount(2);

  // Swiping: towards the start of the line is the next day, the other way the previous one.
  await timeline.swipe("right");
  await expect(page).toHaveURL(new RegExp(`date=${yesterday}`));
  await expect(timeline.entries()).toHaveCount(3);
  await timeline.swipe("left");
  await expect(page).toHaveURL(new RegExp(`date=${today}`));
  await expect(timeline.entries()).toHaveCount(2);
});

test("with days starting at 06:00, an entry at 03:00 belongs to the previous day", async ({ page, auth }) => {
  const account = await registerAccount("Kim");
  const child = await createChild(account, { name: "Ari", timezone: TZ });
  expect((await api(account.token).patch("/api/v1/me", { settings: { dayStartHour: 6 } })).status).toBe(200);

  // 03:00 in the child's zone, two calendar days ago (always in the past).
  const w = wallClock(new Date(Date.now() - 2 * 24 * HOUR), TZ);
  const threeAm = zonedInstant(TZ, w.year, w.month, w.day, 3);
  const calendarDay = `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
  const p = wallClock(new Date(threeAm.getTime() - 12 * HOUR), TZ);
  const dayBefore = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  await log(account, {
    childId: child.id,
    type: "feeding",
    startedAt: threeAm.toISOString(),
    details: { method: "bottle", amountMl: 90, milk: "formula" },
  });

  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);
  const timeline = new TimelinePage(page);

  await timeline.goto({ child: child.id, date: calendarDay });
  await expect(page.getByText("Nothing logged on this day.")).toBeVisible();
  await expect(timeline.entries()).toHaveCount(0);

  await timeline.previousDay();
  await expect(page).toHaveURL(new RegExp(`date=${dayBefore}`));
  await expect(timeline.entries()).toHaveCount(1);
  await expect(timeline.entry("Bottle")).toContainText("3:00 AM");
  await expect(timeline.entry("Bottle")).toContainText("90 ml formula");
  // The day runs 6:00 AM to 6:00 AM, and the chart's first hour label is 6 AM.
  await expect(page.getByText("6:00 AM to 6:00 AM")).toBeVisible();
  await expect(
    timeline
      .chart()
      .locator("text")
      .filter({ hasText: /^6 AM$/ })
      .first(),
  ).toBeVisible();
});

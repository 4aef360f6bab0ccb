import { expect, test } from "./fixtures/test";
import { AuthPages } from "./pages/auth-pages";
import { HomePage } from "./pages/home-page";
import { api, registerAccount } from "../helpers/api";

const HOUR = 3600_000;

test("home predicts the next feed with its reason, from age-typical rhythm first and the baby's own once a few feeds are logged", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const account = await registerAccount("Predict");
  const client = api(account.token);
  const birthDate = new Date(Date.now() - 40 * 24 * HOUR).toISOString().slice(0, 10);
  const child = await client.post("/api/v1/children", {
    familyId: account.familyId,
    name: "Lou",
    birthDate,
    sex: "female",
    timezone: "Europe/Madrid",
  });
  expect(child.status).toBe(201);
  const childId: string = child.body.child.id;
  // Three bottles three hours apart: two intervals, not yet enough to speak of the baby's own rhythm.
  for (const hoursAgo of [9, 6, 3]) {
    const res = await client.post("/api/v1/activities", {
      childId,
      type: "feeding",
      startedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
      details: { method: "bottle", amountMl: 120, milk: "formula" },
    });
    expect(res.status).toBe(201);
  }

  const auth = new AuthPages(page);
  const home = new HomePage(page);
  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);
  await home.goto(childId);
  const predictions = page.getByRole("region", { name: "Predicted next" });
  const nextFeed = predictions.locator('[data-prediction="feed"]');
  await expect(nextFeed).toContainText("Next feed");
  await expect(nextFeed).toContainText(/around \d{1,2}:\d{2}/);
  await expect(nextFeed).toContainText(/about every \d+ h \d+ min, typical at 5 weeks/);
  await expect(nextFeed).toContainText(/8 times in 10 between \d{1,2}:\d{2}\s?(AM|PM)? and \d{1,2}:\d{2}/);

  // One more bottle now, three hours after the last: the prediction is refit on the baby's own rhythm.
  await home.logBottle(null, "Formula");
  await expect(home.toast()).toContainText("Bottle saved");
  await home.goto(childId);
  await expect(nextFeed).toContainText("every 3 h 0 min on average over the last 24 hours");
  await expect(predictions.locator('[data-prediction="sleep"]')).toHaveCount(0);
});

test("an urgent alert for a fever under 3 months shows on home at once", async ({ page }) => {
  const account = await registerAccount("Fever");
  const client = api(account.token);
  const birthDate = new Date(Date.now() - 20 * 24 * HOUR).toISOString().slice(0, 10);
  const child = await client.post("/api/v1/children", {
    familyId: account.familyId,
    name: "Io",
    birthDate,
    sex: "male",
    timezone: "Europe/Madrid",
  });
  const childId: string = child.body.child.id;
  const reading = await client.post("/api/v1/activities", {
    childId,
    type: "temperature",
    startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    details: { celsius: 38.2, method: "rectal" },
  });
  expect(reading.status).toBe(201);

  const auth = new AuthPages(page);
  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);
  await new HomePage(page).goto(childId);
  const urgent = page.getByRole("alert").filter({ hasText: "38.2 °C" });
  await expect(urgent).toContainText("Urgent");
  await expect(urgent).toContainText("needs a doctor now");
  await expect(urgent).toContainText("Source: AAP");

  // The dashboard lists it too, beside the insights and the 7-day trends.
  await page.goto(`/en/dashboard?child=${childId}`);
  await expect(page.getByRole("region", { name: "Alerts" }).getByRole("alert")).toContainText("38.2 °C");
  await expect(page.getByRole("region", { name: "Insights" })).toBeVisible();
  const trends = page.getByTestId("trends-card");
  await expect(trends.getByRole("heading", { name: "7-day trends" })).toBeVisible();
  await expect(trends.locator("svg[role=img]")).toHaveCount(3);
});

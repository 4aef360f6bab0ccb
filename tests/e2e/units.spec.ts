import { randomUUID } from "node:crypto";
import { daysAgo, expect, test } from "./fixtures/test";

test("a parent who uses imperial units logs and reads bottles in ounces", async ({ request, auth, home, logForm }) => {
  // Units are a user setting with no screen yet: set it through the REST API, then use the UI.
  const ip = { "x-forwarded-for": `10.201.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
  const email = `imperial-${randomUUID().slice(0, 8)}@example.test`;
  const registered = await request.post("/api/v1/auth/register", { headers: ip, data: { name: "Pat", email, password: "night-feed-42" } });
  expect(registered.ok()).toBeTruthy();
  const { token, family } = await registered.json();
  const headers = { ...ip, authorization: `Bearer ${token}` };
  expect((await request.patch("/api/v1/me", { headers, data: { settings: { units: "imperial" } } })).ok()).toBeTruthy();
  const created = await request.post("/api/v1/children", {
    headers,
    data: { familyId: family.id, name: "Ben", birthDate: daysAgo(30), sex: "male", timezone: "America/New_York" },
  });
  expect(created.ok()).toBeTruthy();
  const { child } = await created.json();

  await auth.gotoSignIn();
  await auth.signIn(email, "night-feed-42");
  await home.openLog("Bottle");

  // 20 oz is over the 500 ml limit, which is stated in ounces.
  await logForm.field("Amount (oz)").fill("20");
  await logForm.choose("Formula");
  await logForm.save();
  await expect(await logForm.errorOf("Amount (oz)")).toHaveText("Must be at most 16.9.");

  await logForm.field("Amount (oz)").fill("4");
  await logForm.save();
  await expect(home.entry("Bottle")).toContainText("4 oz formula");

  // Storage stays SI: the API reports millilitres.
  const listed = await request.get(`/api/v1/activities?childId=${child.id}`, { headers });
  const [entry] = (await listed.json()).items;
  expect(entry.details).toMatchObject({ method: "bottle", milk: "formula" });
  expect(entry.details.amountMl).toBeCloseTo(118.3, 1);
});

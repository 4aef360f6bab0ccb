import { daysAgo, expect, shiftLocal, test } from "./fixtures/test";

test("a new parent signs up, adds a child, logs a bottle, a diaper and a sleep, and deletes one", async ({
  page,
  auth,
  home,
  logForm,
  user,
}) => {
  await auth.signUp(user);
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${user.name}` })).toBeVisible();

  await home.addChild({ name: "Mia", birthDate: daysAgo(20), sex: "Girl" });
  await expect(page.getByText("Nothing logged yet")).toBeVisible();

  await home.openLog("Bottle");
  await logForm.field("Amount (ml)").fill("120");
  await logForm.choose("Formula");
  await logForm.save();
  await expect(home.entry("Bottle")).toContainText("120 ml formula");

  await home.openLog("Diaper");
  await logForm.choose("Both");
  await logForm.save();
  await expect(home.entry("Diaper")).toContainText("Wet + dirty");

  await home.openLog("Sleep");
  const now = await logForm.field("Fell asleep").inputValue();
  await logForm.field("Fell asleep").fill(shiftLocal(now, -90));
  await logForm.field(/^Woke up/).fill(shiftLocal(now, -30));
  await logForm.save();
  await expect(home.entry("Sleep")).toContainText("1 h 0 min");

  await expect(home.entries()).toHaveCount(3);
  // Newest first: the bottle and diaper were logged "now", the sleep ended half an hour ago.
  await expect(home.entries().last()).toContainText("Sleep");
  await expect(home.entry("Bottle")).toContainText("by you");

  await home.deleteEntry("Diaper");
  await expect(home.entries()).toHaveCount(2);
  await page.reload();
  await expect(home.entries()).toHaveCount(2);
  await expect(page.getByText("Wet + dirty")).toHaveCount(0);
});

test("an impossible bottle amount shows the error next to the field, keeps the input, and saves nothing", async ({
  page,
  auth,
  home,
  logForm,
  user,
}) => {
  await auth.signUp(user);
  await home.addChild({ name: "Leo", birthDate: daysAgo(40), sex: "Boy" });

  await home.openLog("Bottle");
  const amount = logForm.field("Amount (ml)");
  await amount.fill("5000");
  await logForm.choose("Mixed");
  await logForm.save();

  await expect(await logForm.errorOf("Amount (ml)")).toHaveText("Must be at most 500.");
  await expect(amount).toHaveValue("5000");
  await expect(page.getByRole("radio", { name: "Mixed" })).toBeChecked();
  await expect(page.locator("main").getByRole("alert").filter({ hasText: "Check the highlighted fields." })).toBeVisible();
  await expect(page).toHaveURL(/\/en\/log\/feeding\?/);

  await home.goto();
  await expect(home.entries()).toHaveCount(0);
  await expect(page.getByText("Nothing logged yet")).toBeVisible();
});

import { daysAgo, expect, test } from "./fixtures/test";

test("saving again after the answer was lost creates one entry, not two", async ({ page, auth, home, logForm, user }) => {
  await auth.signUp(user);
  await home.addChild({ name: "Ada", birthDate: daysAgo(5), sex: "Girl" });

  await home.openLog("Bottle");
  await logForm.field("Amount (ml)").fill("90");
  await logForm.choose("Breast milk");

  // The first save reaches the server (the entry is stored) but its answer never reaches the
  // phone, like Wi-Fi dropping mid-request.
  let lost = 0;
  await page.route(/\/log\/feeding/, async (route) => {
    if (route.request().method() !== "POST" || lost > 0) return route.fallback();
    lost++;
    await route.fetch();
    await route.abort("internetdisconnected");
  });
  await logForm.save();
  await expect(page.locator("main").getByRole("alert").filter({ hasText: "Could not reach the server" })).toBeVisible();
  await expect(logForm.field("Amount (ml)")).toHaveValue("90");

  // The parent taps Save again; the form sends the same id, so the server returns the stored entry.
  await logForm.save();
  await expect(page).toHaveURL(/\/en\?child=/);
  await expect(home.entry("Bottle")).toContainText("90 ml breast milk");
  await page.reload();
  await expect(home.entries()).toHaveCount(1);
});

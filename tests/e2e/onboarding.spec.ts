import { daysAgo, expect, test } from "./fixtures/test";
import { FamilyPage } from "./pages/family-page";

test("from sign-up to the first child: name the family, add the baby, then one tap to the quick log", async ({ page, auth, user }) => {
  await auth.submitSignUp(user);
  await expect(page).toHaveURL(/\/en\/welcome$/);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${user.name}` })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Setup" }).locator('[aria-current="step"]')).toHaveText(/Name your family/);

  const familyName = page.getByLabel("Family name");
  await expect(familyName).toHaveValue(`${user.name}’s family`);
  await familyName.fill("The Lindqvists");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(/\/en\/welcome\?step=child$/);
  await expect(page.getByRole("navigation", { name: "Setup" }).locator('[aria-current="step"]')).toHaveText(/Add your baby/);
  await page.getByLabel("Name", { exact: true }).fill("Mia");
  await page.getByLabel("Birth date").fill(daysAgo(12));
  await page.getByRole("radio", { name: "Girl" }).check();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(/\/en\/welcome\?step=log&child=/);
  await expect(page.getByText("Log Mia's next feed, diaper or sleep")).toBeVisible();
  await page.getByRole("link", { name: "Log your first entry" }).click();
  await expect(page).toHaveURL(/\/en\?child=[0-9a-f-]+(#.*)?$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mia" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Diaper", exact: true })).toBeVisible();

  const family = new FamilyPage(page);
  await family.goto();
  await expect(page.getByRole("heading", { level: 1, name: "The Lindqvists" })).toBeVisible();
  await expect(family.children()).toContainText(["Mia"]);
});

test("the onboarding can be skipped, and a bad step is answered in place", async ({ page, auth, user }) => {
  await auth.submitSignUp(user);
  await expect(page).toHaveURL(/\/en\/welcome$/);
  await page.getByLabel("Family name").fill("   ");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator('[id="f-name-error"]')).toHaveText("Must be at least 1 characters.");
  await expect(page).toHaveURL(/\/en\/welcome$/);

  await page.getByRole("link", { name: "Skip for now" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${user.name}` })).toBeVisible();
  const family = new FamilyPage(page);
  await family.goto();
  await expect(page.getByRole("heading", { level: 1, name: `${user.name}’s family` })).toBeVisible();
});

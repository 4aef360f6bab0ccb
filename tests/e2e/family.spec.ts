import { randomUUID } from "node:crypto";
import { devices, type Browser } from "@playwright/test";
import { api, createChild, memberOf, registerAccount } from "../helpers/api";
import { expect, test } from "./fixtures/test";
import { AuthPages } from "./pages/auth-pages";
import { FamilyPage } from "./pages/family-page";
import { HomePage } from "./pages/home-page";
import { LogForm } from "./pages/log-form";

const octet = () => Math.floor(Math.random() * 250) + 1;

/** A second phone: its own cookies and its own client IP (rate limits are per IP). */
async function secondPhone(browser: Browser, baseURL: string | undefined) {
  return browser.newContext({
    ...devices["Pixel 7"],
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": `10.${octet()}.${octet()}.${octet()}` },
  });
}

test("an owner invites a caregiver by link from the family page; the caregiver joins and logs, and the owner sees it", async ({
  page,
  browser,
  baseURL,
  auth,
  home,
}) => {
  const owner = await registerAccount("Olivia");
  const child = await createChild(owner, { name: "Noa" });
  await auth.gotoSignIn();
  await auth.signIn(owner.email, owner.password);

  const family = new FamilyPage(page);
  await family.goto();
  const link = await family.invite("Caregiver");
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("img", { name: "QR code of the invite link" })).toBeVisible();
  await expect(page.getByText(/^Expires .+\. It works once\.$/)).toBeVisible();

  const phone = await secondPhone(browser, baseURL);
  const carer = await phone.newPage();
  const carerAuth = new AuthPages(carer);
  await carer.goto(link);
  await expect(carer).toHaveURL(/\/en\/invite\/[A-Za-z0-9_-]+$/);
  await carer.getByRole("link", { name: "Create account" }).click();
  await carerAuth.fillSignUp({ name: "Casey", email: `casey-${randomUUID().slice(0, 8)}@example.test`, password: "night-feed-42" });
  // Coming from an invite, sign-up leads back to it rather than into the onboarding.
  await expect(carer).toHaveURL(/\/en\/invite\/[A-Za-z0-9_-]+$/);
  await carer.getByRole("button", { name: "Join the family" }).click();
  await expect(carer.getByRole("heading", { level: 1, name: "Noa" })).toBeVisible();

  await carer.goto(`/en/log/diaper?child=${child.id}`);
  const logForm = new LogForm(carer);
  await logForm.choose("Both");
  await logForm.save();
  await expect(new HomePage(carer).entry("Diaper")).toContainText("Wet + dirty");
  await phone.close();

  await home.goto();
  await expect(home.entry("Diaper")).toContainText("Wet + dirty");
  await expect(home.entry("Diaper")).toContainText("Casey");
  await family.goto();
  await expect(family.role("Casey")).toHaveText("Caregiver");
});

test("an owner changes a member's role and removes another; a parent cannot touch the owner", async ({ page, browser, baseURL, auth }) => {
  const owner = await registerAccount("Olivia");
  const parent = await memberOf(owner, "parent", "Pat");
  await memberOf(owner, "caregiver", "Cara");
  await auth.gotoSignIn();
  await auth.signIn(owner.email, owner.password);

  const family = new FamilyPage(page);
  await family.goto();
  await expect(family.members()).toHaveCount(3);
  await expect(family.member("Olivia")).toContainText("(you)");
  await expect(family.role("Olivia")).toHaveText("Owner");
  // Nobody changes their own role from the list; leaving has its own button.
  await expect(page.getByLabel("Role of Olivia", { exact: true })).toHaveCount(0);

  await family.changeRole("Cara", "Viewer");
  await expect(page.getByLabel("Role of Cara", { exact: true })).toHaveValue("viewer");
  await page.reload();
  await expect(family.role("Cara")).toHaveText("Viewer");
  await expect(page.getByLabel("Role of Cara", { exact: true })).toHaveValue("viewer");

  // The confirmation opens on its safe choice, and Escape backs out of it.
  await page.getByRole("button", { name: "Remove Pat" }).click();
  await expect(page.getByRole("dialog", { name: "Remove Pat from the family?" })).toBeVisible();
  await expect(page.getByRole("dialog").getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("button", { name: "Remove Pat" })).toBeFocused();
  await expect(family.members()).toHaveCount(3);

  await family.remove("Pat");
  await page.reload();
  await expect(family.members()).toHaveCount(2);

  const { body } = await api(owner.token).get(`/api/v1/families/${owner.familyId}`);
  const roles = Object.fromEntries(body.family.members.map((m: { name: string; role: string }) => [m.name, m.role]));
  expect(roles).toEqual({ Olivia: "owner", Cara: "viewer" });
  // Removing ends access at once.
  expect((await api(parent.token).get(`/api/v1/families/${owner.familyId}`)).status).toBe(404);

  // A parent manages caregivers and viewers, never an owner; and cannot hand out "owner".
  const second = await memberOf(owner, "parent", "Paz");
  const phone = await secondPhone(browser, baseURL);
  const parentPage = await phone.newPage();
  await parentPage.goto("/en/sign-in");
  await new AuthPages(parentPage).signIn(second.email, second.password);
  const parentView = new FamilyPage(parentPage);
  // Paz has the family made at sign-up too: the switcher moves between the two.
  await parentView.goto();
  const switcher = parentPage.getByRole("navigation", { name: "Choose a family" });
  await expect(switcher.getByRole("link")).toHaveText(["Paz’s family", "Olivia’s family"]);
  await switcher.getByRole("link", { name: "Olivia’s family" }).click();
  await expect(parentPage.getByRole("heading", { level: 1, name: "Olivia’s family" })).toBeVisible();
  await expect(parentView.members()).toHaveCount(3);
  await expect(parentPage.getByLabel("Role of Olivia", { exact: true })).toHaveCount(0);
  await expect(parentPage.getByRole("button", { name: "Remove Olivia" })).toHaveCount(0);
  await expect(parentPage.getByRole("button", { name: "Remove Cara" })).toBeVisible();
  await expect(parentPage.getByLabel("Role of Cara", { exact: true }).locator("option")).toHaveText(["Parent", "Caregiver", "Viewer"]);
  await expect(parentPage.getByRole("button", { name: "Delete family" })).toHaveCount(0);
  await phone.close();
});

test("the last owner cannot leave and is told why; another member leaves", async ({ page, browser, baseURL, auth }) => {
  const owner = await registerAccount("Olivia");
  const caregiver = await memberOf(owner, "caregiver", "Cara");
  await auth.gotoSignIn();
  await auth.signIn(owner.email, owner.password);

  const family = new FamilyPage(page);
  await family.goto();
  await expect(page.getByText("You are the only owner")).toBeVisible();
  const dialog = await family.confirm("Leave family", "Leave");
  await expect(dialog.getByRole("alert")).toHaveText("The family must keep at least one owner.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  const phone = await secondPhone(browser, baseURL);
  const carer = await phone.newPage();
  await carer.goto("/en/sign-in");
  await new AuthPages(carer).signIn(caregiver.email, caregiver.password);
  const carerView = new FamilyPage(carer);
  await carerView.goto(owner.familyId);
  await expect(carer.getByRole("heading", { level: 1, name: "Olivia’s family" })).toBeVisible();
  // A caregiver sees the family but none of its management.
  await expect(carerView.members()).toHaveCount(2);
  await expect(carer.getByRole("region", { name: "Invite someone" })).toHaveCount(0);
  await expect(carer.getByRole("region", { name: "Family name" })).toHaveCount(0);
  await expect(carer.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(carer.getByRole("link", { name: /^Edit / })).toHaveCount(0);
  await carerView.confirm("Leave family", "Leave");
  // Back to the family of their own account; the one they left is gone from the switcher.
  await expect(carer.getByRole("heading", { level: 1, name: "Cara’s family" })).toBeVisible();
  await expect(carer.getByRole("navigation", { name: "Choose a family" })).toHaveCount(0);
  await phone.close();

  await page.reload();
  await expect(family.members()).toHaveCount(1);
});

test("a parent edits a child (refused when someone saved first) and deletes one", async ({ page, auth }) => {
  const owner = await registerAccount("Olivia");
  const noa = await createChild(owner, { name: "Noa" });
  await createChild(owner, { name: "Leo", sex: "male" });
  await auth.gotoSignIn();
  await auth.signIn(owner.email, owner.password);

  const family = new FamilyPage(page);
  await family.goto();
  await expect(family.children()).toHaveCount(2);
  await page.getByRole("link", { name: "Edit Noa" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit Noa" })).toBeVisible();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Madrid");

  await page.getByLabel("Name", { exact: true }).fill("Noa Maria");
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator('[id="f-timezone-error"]')).toHaveText("Not a known time zone.");

  await page.getByLabel("Time zone").fill("America/Chicago");
  await page.getByLabel(/^Weeks of pregnancy at birth/).fill("35");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/en\/family\?family=/);
  await expect(family.children().filter({ hasText: "Noa Maria" })).toBeVisible();
  const { body } = await api(owner.token).get(`/api/v1/children/${noa.id}`);
  expect(body.child).toMatchObject({ name: "Noa Maria", timezone: "America/Chicago", gestationalAgeWeeks: 35, version: 2 });

  // Someone else saves while this form is open: this save is refused, not silently lost.
  await page.getByRole("link", { name: "Edit Noa Maria" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Noa Maria");
  await expect(api(owner.token).patch(`/api/v1/children/${noa.id}`, { name: "Noa M." })).resolves.toMatchObject({ status: 200 });
  await page.getByLabel("Name", { exact: true }).fill("Noa R.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("main").getByRole("alert").filter({ hasText: /\S/ })).toHaveText(/Someone else changed these details/);
  expect((await api(owner.token).get(`/api/v1/children/${noa.id}`)).body.child.name).toBe("Noa M.");

  await page.reload();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Noa M.");
  await page.getByRole("button", { name: "Delete child" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/family\?family=/);
  await expect(family.children()).toHaveCount(1);
  await expect(family.children()).toContainText("Leo");
});

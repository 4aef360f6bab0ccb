import { randomUUID } from "node:crypto";
import { api, bottle, createChild, memberOf, registerAccount } from "../helpers/api";
import { daysAgo, expect, test } from "./fixtures/test";
import { LogForm } from "./pages/log-form";

test("an invited caregiver signs up from the invite link, joins, and sees the child", async ({ page, request, auth, user }) => {
  // The inviting parent and the child come from the REST API; the invitee uses the UI.
  const ip = { "x-forwarded-for": `10.200.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
  const owner = await request.post("/api/v1/auth/register", {
    headers: ip,
    data: { name: "Sam", email: `owner-${randomUUID().slice(0, 8)}@example.test`, password: "night-feed-42" },
  });
  expect(owner.ok()).toBeTruthy();
  const { token, family } = await owner.json();
  const auth_ = { ...ip, authorization: `Bearer ${token}` };
  const child = await request.post("/api/v1/children", {
    headers: auth_,
    data: { familyId: family.id, name: "Noa", birthDate: daysAgo(15), sex: "female", timezone: "Europe/Madrid" },
  });
  expect(child.ok()).toBeTruthy();
  const invite = await request.post(`/api/v1/families/${family.id}/invites`, { headers: auth_, data: { role: "caregiver" } });
  expect(invite.ok()).toBeTruthy();
  const { code } = await invite.json();

  await page.goto(`/invite/${code}`);
  await expect(page).toHaveURL(new RegExp(`/en/invite/${code}$`));
  await page.getByRole("link", { name: "Create account" }).click();
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(new RegExp(`/en/invite/${code}$`));
  await page.getByRole("button", { name: "Join the family" }).click();
  await expect(page).toHaveURL(/\/en(\?.*)?$/);
  await expect(page.getByRole("heading", { level: 1, name: "Noa" })).toBeVisible();
  await auth.signOut();
});

test("a viewer who joins sees no log controls, and a log form sent anyway is refused", async ({ page, auth, home }) => {
  const owner = await registerAccount("Olivia");
  const child = await createChild(owner, { name: "Noa" });
  const viewer = await memberOf(owner, "viewer", "Vic");
  await api(owner.token).post("/api/v1/activities", bottle(child.id));

  await auth.gotoSignIn();
  await auth.signIn(viewer.email, viewer.password);
  await expect(page.getByRole("heading", { level: 1, name: "Noa" })).toBeVisible();
  await expect(home.entry("Bottle")).toBeVisible();
  await expect(page.getByRole("link", { name: "Diaper", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Bottle", exact: true })).toHaveCount(0);
  // Nor can a viewer delete what others logged.
  await expect(page.getByRole("button", { name: /^Delete / })).toHaveCount(0);

  // The form's address typed by hand: the server refuses the entry, in the viewer's language.
  await page.goto(`/en/log/diaper?child=${child.id}`);
  const logForm = new LogForm(page);
  await logForm.choose("Wet");
  await logForm.save();
  await expect(page.locator("main").getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "Your role in this family does not allow that.",
  );
  const listed = await api(owner.token).get(`/api/v1/activities?childId=${child.id}`);
  expect(listed.body.items.map((a: { type: string }) => a.type)).toEqual(["feeding"]);
});

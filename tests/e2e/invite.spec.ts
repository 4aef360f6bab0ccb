import { randomUUID } from "node:crypto";
import { daysAgo, expect, test } from "./fixtures/test";

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

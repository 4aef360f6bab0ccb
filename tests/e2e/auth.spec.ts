import { expect, test } from "./fixtures/test";

test("a wrong password is refused with a message, and signing out protects home", async ({ page, auth, user }) => {
  await auth.signUp(user);
  await expect(page).toHaveURL(/\/en$/);

  await auth.signOut();
  await page.goto("/en");
  await expect(page).toHaveURL(/\/en\/sign-in$/);

  await auth.signIn(user.email, "not-the-password");
  await expect(auth.formError()).toHaveText("Email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await expect(page).toHaveURL(/\/en\/sign-in$/);

  await auth.signIn(user.email, user.password);
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${user.name}` })).toBeVisible();
});

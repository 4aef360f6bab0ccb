import { api, registerAccount } from "../helpers/api";
import { expect, test } from "./fixtures/test";

test("a wrong password is refused with a message, and signing out protects home", async ({ page, auth, user }) => {
  await auth.signUp(user);
  await expect(page).toHaveURL(/\/en$/);

  await auth.signOut();
  await page.goto("/en");
  await expect(page).toHaveURL(/\/en\/sign-in$/);

  await auth.attemptSignIn(user.email, "not-the-password");
  await expect(auth.formError()).toHaveText("Email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await expect(page).toHaveURL(/\/en\/sign-in$/);

  await auth.signIn(user.email, user.password);
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${user.name}` })).toBeVisible();
});

test("repeated wrong passwords lock sign-in with a translated message", async ({ page, auth, user }) => {
  await auth.signUp(user);
  await auth.signOut();

  await auth.attemptSignIn(user.email, "wrong-1");
  await expect(auth.formError()).toHaveText("Email or password is incorrect.");
  // The test server locks an email after 5 failures (LOGIN_MAX_FAILURES in scripts/run-tests.ts).
  for (let attempt = 2; attempt <= 4; attempt++) {
    await auth.attemptSignIn(user.email, `wrong-${attempt}`);
    await expect(auth.formError()).toHaveText("Email or password is incorrect.");
  }
  await auth.attemptSignIn(user.email, "wrong-5");
  await expect(auth.formError()).toHaveText("Too many failed sign-ins; wait a moment and try again.");
  // Locked means locked: even the right password waits.
  await auth.attemptSignIn(user.email, user.password);
  await expect(auth.formError()).toHaveText("Too many failed sign-ins; wait a moment and try again.");
  await expect(page).toHaveURL(/\/en\/sign-in$/);
});

test("signing in on a new device brings the account's language and theme with it", async ({ page, auth }) => {
  const account = await registerAccount("Robin");
  await api(account.token).patch("/api/v1/me", { settings: { locale: "es", theme: "dark" } });
  await page.emulateMedia({ colorScheme: "light" });
  await auth.gotoSignIn();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  await auth.signIn(account.email, account.password);
  await expect(page).toHaveURL(/\/es$/);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});

test("a new account goes from sign-up into the onboarding, and an invalid sign-up keeps what was typed", async ({ page, auth, user }) => {
  await auth.submitSignUp({ ...user, password: "short" });
  await expect(page.locator('[id="f-password-error"]')).toHaveText("Use at least 8 characters.");
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await auth.fillSignUp(user);
  await expect(page).toHaveURL(/\/en\/welcome$/);
});

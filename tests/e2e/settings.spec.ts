import type { Page } from "@playwright/test";
import { api, createChild, registerAccount } from "../helpers/api";
import { expect, test } from "./fixtures/test";
import { SettingsPage } from "./pages/settings-page";

test("settings: imperial units and the dark theme stick, and Arabic turns the page right-to-left", async ({ page, auth }) => {
  const account = await registerAccount("Robin");
  const child = await createChild(account, { name: "Ben" });
  await page.emulateMedia({ colorScheme: "light" });
  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);

  const settings = new SettingsPage(page);
  await settings.goto();
  await expect(settings.preferences().getByRole("radio", { name: /^Metric/ })).toBeChecked();
  await expect(page.getByLabel("Language", { exact: true })).toHaveValue("en");
  await expect(page.getByLabel("Language", { exact: true }).locator("option")).toHaveText([
    "English",
    "Español",
    "Français",
    "Deutsch",
    "Português (Brasil)",
    "العربية",
  ]);
  await settings.choose("Imperial (oz, lb, in, °F)");
  await settings.choose("Dark");
  await page.getByLabel("Day starts at").selectOption("5");
  await settings.savePreferences();
  await expect(settings.preferences().getByRole("status")).toHaveText("Preferences saved.");
  // What was saved stays on screen (React resets a form after its action).
  await expect(settings.preferences().getByRole("radio", { name: /^Imperial/ })).toBeChecked();
  await expect(settings.preferences().getByRole("radio", { name: "Dark" })).toBeChecked();
  await expect(page.getByLabel("Day starts at")).toHaveValue("5");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(settings.preferences().getByRole("radio", { name: /^Imperial/ })).toBeChecked();
  await expect(page.getByLabel("Day starts at")).toHaveValue("5");
  await expect(settings.themeToggle()).toHaveAttribute("aria-pressed", "true");
  // The unit setting reaches the log forms.
  await page.goto(`/en/log/feeding?child=${child.id}&method=bottle`);
  await expect(page.getByLabel("Amount (oz)")).toBeVisible();

  await settings.goto();
  await page.getByLabel("Language", { exact: true }).selectOption("ar");
  await settings.savePreferences();
  await expect(page).toHaveURL(/\/ar\/settings$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

  const me = await api(account.token).get("/api/v1/me");
  expect(me.body.user.settings).toEqual({ locale: "ar", units: "imperial", dayStartHour: 5, theme: "dark" });
});

test("the header's theme toggle follows the system until pressed, then sticks on this device", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/en/sign-in");
  const toggle = new SettingsPage(page).themeToggle();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");

  await page.emulateMedia({ colorScheme: "light" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(20, 22, 26)");

  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  // Pressed state comes from the server's answer: the cookie is stored by then.
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
});

test("the language menu opens the same page in another language, by keyboard too", async ({ page }) => {
  await page.goto("/en/sign-in?next=%2Fen%2Ffamily");
  const menu = page.getByRole("banner").locator("summary");
  await expect(menu).toHaveAccessibleName("EN, Language: English");
  await menu.focus();
  await page.keyboard.press("Enter");
  const spanish = page.getByRole("link", { name: "Español" });
  await expect(spanish).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(spanish).toBeHidden();
  await menu.click();
  await expect(page.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "true");
  await page.getByRole("link", { name: "العربية" }).click();
  await expect(page).toHaveURL(/\/ar\/sign-in\?next=%2Fen%2Ffamily$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});

test("a personal access token is shown once, works with the API, and stops working when revoked", async ({ page, auth }) => {
  const account = await registerAccount("Robin");
  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);
  const settings = new SettingsPage(page);
  await settings.goto();

  const tokens = page.getByRole("region", { name: "Access tokens" });
  await tokens.getByLabel("Token name").fill("Home Assistant");
  await tokens.getByRole("button", { name: "Create token" }).click();
  const shown = tokens.getByLabel("New token");
  await expect(shown).not.toHaveValue("");
  const token = await shown.inputValue();
  expect((await api(token).get("/api/v1/me")).status).toBe(200);
  await expect(tokens.getByRole("listitem").filter({ hasText: "Home Assistant" })).toContainText("never used");

  await page.reload();
  await expect(tokens.getByLabel("New token")).toHaveCount(0);
  await tokens.getByRole("button", { name: "Revoke Home Assistant" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(tokens.getByRole("listitem").filter({ hasText: "Home Assistant" })).toHaveCount(0);
  expect((await api(token).get("/api/v1/me")).status).toBe(401);
});

test("changing the password needs the current one, then the new one signs in", async ({ page, auth }) => {
  const account = await registerAccount("Robin");
  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);
  const settings = new SettingsPage(page);
  await settings.goto();
  const section = page.getByRole("region", { name: "Password" });

  await section.getByLabel("Current password").fill("not-my-password");
  await section.getByLabel("New password").fill("a-better-secret-1");
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator('[id="f-currentPassword-error"]')).toHaveText("The current password is not right.");

  await section.getByLabel("Current password").fill(account.password);
  await section.getByLabel("New password").fill("a-better-secret-1");
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByRole("status")).toHaveText("Password changed.");

  await page.getByRole("button", { name: "Sign out of this device" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await auth.attemptSignIn(account.email, account.password);
  await expect(auth.formError()).toHaveText("Email or password is incorrect.");
  await auth.signIn(account.email, "a-better-secret-1");
  await expect(page).toHaveURL(/\/en$/);
});

/** Page width and every control smaller than 44 × 44 px (radios count by their pill). */
function measure(page: Page) {
  return page.evaluate(() => {
    const small: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      "main button, main select, main input:not([type=hidden]):not([type=radio]):not([type=checkbox]), main a.button, main .choice, header button, header summary",
    );
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || el.closest("dialog:not([open])")) continue;
      const name = el.textContent?.trim() || el.getAttribute("aria-label") || el.getAttribute("name");
      if (box.height < 44 || box.width < 44) small.push(`${el.tagName} ${name} ${box.width}x${box.height}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, small };
  });
}

test("family and settings stay usable at 320 px: no sideways scrolling, touch targets of 44 px", async ({ page, auth }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const account = await registerAccount("Robin");
  await createChild(account, { name: "Maximiliana Alexandra" });
  await auth.gotoSignIn();
  await auth.signIn(account.email, account.password);

  for (const path of ["/en/family", "/en/settings", "/ar/family", "/ar/settings", "/en/welcome", "/en/welcome?step=child"]) {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    expect({ path, ...(await measure(page)) }).toEqual({ path, scrollWidth: 320, small: [] });
  }

  // The language menu, open, stays on the screen.
  await page.goto("/en/family");
  await page.getByRole("banner").locator("summary").click();
  for (const name of ["English", "Português (Brasil)"]) {
    const box = await page.getByRole("link", { name }).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 320 && box.height >= 44).toBe(true);
  }

  // With an invite link and its QR code showing, and in a confirmation dialog.
  await page.goto("/ar/family");
  await page
    .getByRole("region")
    .filter({ has: page.locator("#invite-heading") })
    .getByRole("button")
    .click();
  await expect(page.locator("#invite-link")).toHaveValue(/\/invite\//);
  expect(await measure(page)).toEqual({ scrollWidth: 320, small: [] });
  await page.locator("#leave-heading + * button, #leave-heading ~ button").first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await measure(page)).toEqual({ scrollWidth: 320, small: [] });
});

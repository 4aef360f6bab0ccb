import { expect, type Page } from "@playwright/test";

export type NewUser = { name: string; email: string; password: string };

/** Sign-up, sign-in and sign-out, through the UI as a parent would. */
export class AuthPages {
  constructor(
    private readonly page: Page,
    private readonly locale = "en",
  ) {}

  /** Signs up and skips the onboarding, landing on home (most tests set things up themselves). */
  async signUp(user: NewUser) {
    await this.submitSignUp(user);
    await expect(this.page).toHaveURL(new RegExp(`/${this.locale}/welcome$`));
    await this.page.getByRole("link", { name: "Skip for now" }).click();
    await expect(this.page).toHaveURL(new RegExp(`/${this.locale}$`));
  }

  /** Fills and sends the sign-up form, staying wherever the app goes next (onboarding, an invite). */
  async submitSignUp(user: NewUser) {
    await this.page.goto(`/${this.locale}/sign-up`);
    await this.fillSignUp(user);
  }

  async fillSignUp(user: NewUser) {
    await this.page.getByLabel("Your name").fill(user.name);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async gotoSignIn() {
    await this.page.goto(`/${this.locale}/sign-in`);
  }

  async signIn(email: string, password: string) {
    await this.fillSignIn(email, password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page).not.toHaveURL(/\/sign-in/);
  }

  /** A sign-in that should be refused: waits for the answer, so the next attempt never races the form's reset. */
  async attemptSignIn(email: string, password: string) {
    await this.fillSignIn(email, password);
    const button = this.page.getByRole("button", { name: "Sign in" });
    const answered = this.page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith("/sign-in"));
    await button.click();
    await answered;
    await expect(button).toBeEnabled();
  }

  private async fillSignIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
  }

  async signOut() {
    await this.page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(new RegExp(`/${this.locale}/sign-in$`));
  }

  /** The form's message (scoped to main: Next.js's route announcer is an alert too). */
  formError() {
    return this.page.locator("main").getByRole("alert").filter({ hasText: /\S/ });
  }
}

import { expect, type Page } from "@playwright/test";

export type NewUser = { name: string; email: string; password: string };

/** Sign-up, sign-in and sign-out, through the UI as a parent would. */
export class AuthPages {
  constructor(
    private readonly page: Page,
    private readonly locale = "en",
  ) {}

  async signUp(user: NewUser) {
    await this.page.goto(`/${this.locale}/sign-up`);
    await this.page.getByLabel("Your name").fill(user.name);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async gotoSignIn() {
    await this.page.goto(`/${this.locale}/sign-in`);
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(new RegExp(`/${this.locale}/sign-in$`));
  }

  formError() {
    return this.page.getByRole("alert").filter({ hasText: /\S/ });
  }
}

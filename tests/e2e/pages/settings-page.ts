import { expect, type Page } from "@playwright/test";

/** Settings: preferences, password, access tokens. English labels (the locale the tests start in). */
export class SettingsPage {
  constructor(
    private readonly page: Page,
    private readonly locale = "en",
  ) {}

  async goto() {
    await this.page.goto(`/${this.locale}/settings`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  preferences() {
    return this.page.getByRole("region", { name: "Preferences" });
  }

  async choose(option: string) {
    await this.preferences().getByRole("radio", { name: option }).check();
  }

  async savePreferences() {
    await this.preferences().getByRole("button", { name: "Save preferences" }).click();
  }

  themeToggle() {
    return this.page.getByRole("banner").getByRole("button", { name: "Dark theme" });
  }
}

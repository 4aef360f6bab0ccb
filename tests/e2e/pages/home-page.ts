import { expect, type Page } from "@playwright/test";

export type NewChild = { name: string; birthDate: string; sex: "Girl" | "Boy" };

/** Home: the add-child form, the quick-log buttons and the list of entries. */
export class HomePage {
  constructor(
    private readonly page: Page,
    private readonly locale = "en",
  ) {}

  async goto() {
    await this.page.goto(`/${this.locale}`);
  }

  async addChild(child: NewChild) {
    await this.page.getByLabel("Name", { exact: true }).fill(child.name);
    await this.page.getByLabel("Birth date").fill(child.birthDate);
    await this.page.getByRole("radio", { name: child.sex }).check();
    await this.page.getByRole("button", { name: "Add child" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: child.name })).toBeVisible();
  }

  /** Opens the log form of one kind of entry ("Bottle", "Diaper", "Sleep"…). */
  async openLog(kind: string) {
    const link = this.page.getByRole("link", { name: kind, exact: true });
    if (!(await link.isVisible())) await this.page.getByText("More kinds of entry").click();
    await link.click();
    await expect(this.page.getByRole("heading", { level: 1, name: new RegExp(`^${kind} ·`) })).toBeVisible();
  }

  entries() {
    return this.page.locator("li.entry");
  }

  entry(kind: string) {
    return this.entries().filter({ has: this.page.locator(".entry-kind", { hasText: kind }) });
  }

  async deleteEntry(kind: string) {
    await this.page.getByLabel(new RegExp(`^More for ${kind} at `)).click();
    await this.page.getByRole("button", { name: new RegExp(`^Delete ${kind} at `) }).click();
    await expect(this.entry(kind)).toHaveCount(0);
  }
}

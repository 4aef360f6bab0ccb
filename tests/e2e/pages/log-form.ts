import { expect, type Locator, type Page } from "@playwright/test";

/** A log form (`/log/[type]`) or an edit form (`/entries/[id]/edit`): inputs by label, errors, save. */
export class LogForm {
  constructor(private readonly page: Page) {}

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: typeof label === "string" });
  }

  /** The error shown next to an input: the element its aria-describedby points at. */
  async errorOf(label: string | RegExp): Promise<Locator> {
    const input = this.field(label);
    await expect(input).toHaveAttribute("aria-invalid", "true");
    const id = (await input.getAttribute("id")) ?? "";
    return this.page.locator(`[id="${id}-error"]`);
  }

  choose(option: string) {
    return this.page.getByRole("radio", { name: option, exact: true }).check();
  }

  check(option: string) {
    return this.page.getByRole("checkbox", { name: option, exact: true }).check();
  }

  select(label: string | RegExp, option: string) {
    return this.field(label).selectOption({ label: option });
  }

  /** The form's own message (scoped to main: Next.js's route announcer is an alert too). */
  message(): Locator {
    return this.page.locator("main form").getByRole("alert").filter({ hasText: /\S/ });
  }

  async save() {
    await this.page.getByRole("button", { name: "Save" }).click();
  }

  async saveChanges() {
    await this.page.getByRole("button", { name: "Save changes" }).click();
  }
}

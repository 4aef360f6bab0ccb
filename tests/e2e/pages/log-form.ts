import { expect, type Locator, type Page } from "@playwright/test";

/** A log form (`/log/[type]`): inputs by label, each input's error, and save. */
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

  async save() {
    await this.page.getByRole("button", { name: "Save" }).click();
  }
}

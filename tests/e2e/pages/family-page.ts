import { expect, type Locator, type Page } from "@playwright/test";

/** The family page: members and their roles, invites, children, leaving. */
export class FamilyPage {
  constructor(
    private readonly page: Page,
    private readonly locale = "en",
  ) {}

  async goto(familyId?: string) {
    await this.page.goto(`/${this.locale}/family${familyId ? `?family=${familyId}` : ""}`);
  }

  members(): Locator {
    return this.page.getByRole("region", { name: "Members" }).getByRole("listitem");
  }

  member(name: string): Locator {
    return this.members().filter({ hasText: name });
  }

  /** The role badge of a member (the role the server has; the select may show an unsaved choice). */
  role(name: string): Locator {
    return this.member(name).locator("[data-role]");
  }

  /** Creates an invite link for a role and returns the link, as shown on the page. */
  async invite(role: string, email?: string): Promise<string> {
    const section = this.page.getByRole("region", { name: "Invite someone" });
    await section.getByLabel("Role").selectOption({ label: role });
    if (email) await section.getByLabel("Email (optional)").fill(email);
    await section.getByRole("button", { name: "Create invite link" }).click();
    const link = section.getByRole("textbox", { name: "Invite link" });
    await expect(link).toHaveValue(/\/invite\//);
    return link.inputValue();
  }

  async changeRole(name: string, role: string) {
    await this.page.getByLabel(`Role of ${name}`, { exact: true }).selectOption({ label: role });
    await this.page.getByRole("button", { name: `Change the role of ${name}` }).click();
    await expect(this.role(name)).toHaveText(role);
  }

  /** Opens a confirmation dialog by its trigger and confirms it. */
  async confirm(trigger: string | RegExp, confirmLabel: string) {
    await this.page.getByRole("button", { name: trigger, exact: typeof trigger === "string" }).click();
    const dialog = this.page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: confirmLabel, exact: true }).click();
    return dialog;
  }

  async remove(name: string) {
    await this.confirm(`Remove ${name}`, "Remove");
    await expect(this.member(name)).toHaveCount(0);
  }

  children(): Locator {
    return this.page.getByRole("region", { name: "Children" }).getByRole("listitem");
  }
}

import { expect, type Locator, type Page } from "@playwright/test";

export type NewChild = { name: string; birthDate: string; sex: "Girl" | "Boy" };

/**
 * Home: the add-child form, "time since" tiles, running timers, next-up buttons, the quick-log
 * cards, today's totals, the list of entries and the undo toast. English labels.
 */
export class HomePage {
  constructor(
    private readonly page: Page,
    private readonly locale = "en",
  ) {}

  async goto(childId?: string) {
    await this.page.goto(`/${this.locale}${childId ? `?child=${childId}` : ""}`);
  }

  async addChild(child: NewChild) {
    await this.page.getByLabel("Name", { exact: true }).fill(child.name);
    await this.page.getByLabel("Birth date").fill(child.birthDate);
    await this.page.getByRole("radio", { name: child.sex }).check();
    await this.page.getByRole("button", { name: "Add child" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: child.name })).toBeVisible();
  }

  /** Opens the full form of one kind of entry ("Bottle", "Diaper", "Sleep"…) from its card or "More". */
  async openLog(kind: string) {
    const link = this.page.getByRole("main").getByRole("link", { name: kind, exact: true });
    if (!(await link.isVisible())) await this.page.getByText("More kinds of entry").click();
    await link.click();
    await expect(this.page.getByRole("heading", { level: 1, name: new RegExp(`^${kind} ·`) })).toBeVisible();
  }

  /** A quick-log card ("Breastfeed", "Bottle", "Diaper", "Sleep"). */
  card(kind: string): Locator {
    return this.page.getByRole("region", { name: kind, exact: true });
  }

  /** The "More kinds of entry" disclosure, opened. */
  async more(): Promise<Locator> {
    const summary = this.page.getByText("More kinds of entry");
    const details = this.page.locator("details").filter({ has: summary });
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
    return details;
  }

  nextUp(): Locator {
    return this.page.getByRole("region", { name: "Next up" });
  }

  /** A running timer's card ("Breastfeed", "Sleep", "Pumping", "Tummy time"). */
  timer(kind: string): Locator {
    return this.page.getByRole("region", { name: `${kind} timer` });
  }

  async startBreastfeed(side: "left" | "right") {
    await this.card("Breastfeed")
      .getByRole("button", { name: `Start breastfeed on the ${side} side` })
      .click();
    await expect(this.timer("Breastfeed")).toBeVisible();
  }

  async stopTimer(kind: string) {
    await this.timer(kind)
      .getByRole("button", { name: kind === "Sleep" ? "Wake up" : new RegExp(`^Stop ${kind}`, "i") })
      .click();
    await expect(this.timer(kind)).toHaveCount(0);
  }

  async logBottle(amount: string | null, milk: string) {
    const card = this.card("Bottle");
    if (amount !== null) await card.getByLabel(/^Bottle \(/).fill(amount);
    await card.getByRole("radio", { name: milk, exact: true }).check();
    await card.getByRole("button", { name: "Save bottle" }).click();
  }

  async logDiaper(kind: "Wet" | "Dirty" | "Both" | "Dry") {
    await this.card("Diaper")
      .getByRole("button", { name: `${kind} diaper: log now` })
      .click();
  }

  /** "Last feed", "Last diaper", "Awake for" / "Asleep for": the value under the tile's label. */
  since(tile: "feed" | "sleep" | "diaper"): Locator {
    return this.page.locator(`[data-tile="${tile}"]`);
  }

  /** One of today's totals ("feeds", "breast", "sleep", "diapers", "pumped", "solids"). */
  total(key: string): Locator {
    return this.page.locator(`[data-total="${key}"]`);
  }

  toast(): Locator {
    return this.page.getByRole("status").filter({ hasText: /\S/ });
  }

  async undo() {
    await this.page.getByRole("button", { name: "Undo" }).click();
    await expect(this.toast()).toHaveText("Undone.");
  }

  entries() {
    return this.page.locator("li.entry");
  }

  entry(kind: string) {
    return this.entries().filter({ has: this.page.locator(".entry-kind", { hasText: kind }) });
  }

  private async openMenu(kind: string) {
    await this.page.getByLabel(new RegExp(`^More for ${kind} at `)).click();
  }

  async editEntry(kind: string) {
    await this.openMenu(kind);
    await this.page.getByRole("link", { name: new RegExp(`^Edit ${kind} at `) }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: new RegExp(`^Edit ${kind} ·`) })).toBeVisible();
  }

  async deleteEntry(kind: string) {
    await this.openMenu(kind);
    await this.page.getByRole("button", { name: new RegExp(`^Delete ${kind} at `) }).click();
    await expect(this.entry(kind)).toHaveCount(0);
  }
}

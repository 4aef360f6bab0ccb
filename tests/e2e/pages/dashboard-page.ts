import type { Page } from "@playwright/test";

/** The dashboard (`/dashboard`): per-day charts with their tables, the heat map, growth, print. */
export class DashboardPage {
  constructor(
    private readonly page: Page,
    private readonly locale = "en",
  ) {}

  async goto(query: { child: string; days?: string }) {
    const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
    await this.page.goto(`/${this.locale}/dashboard?${qs}`);
  }

  card(name: "feeds" | "intake" | "sleep" | "diapers" | "heat-map" | "growth" | "growth-weight" | "growth-length" | "growth-head") {
    return this.page.getByTestId(`${name}-card`);
  }

  /** Opens a chart's numbers (every "Show the numbers" of a card, or the heat map's own toggles) and returns its table. */
  async table(card: Parameters<DashboardPage["card"]>[0], caption: string) {
    const c = this.card(card);
    const table = c.getByRole("table", { name: caption });
    if (!(await table.isVisible())) {
      const details = c.locator("details").filter({ has: this.page.locator("caption", { hasText: caption }) });
      await details.locator("summary").click();
    }
    return table;
  }

  /** The cells of the row whose header is `rowHeader`, header first. */
  row(table: ReturnType<Page["getByRole"]>, rowHeader: string) {
    return table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: rowHeader, exact: true }) });
  }

  chartImage(card: Parameters<DashboardPage["card"]>[0]) {
    return this.card(card).getByRole("img").first();
  }

  printButton() {
    return this.page.getByRole("button", { name: "Print" });
  }
}

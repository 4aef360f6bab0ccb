import { expect, type Page } from "@playwright/test";

/** The timeline (`/timeline`): day navigation, type filter chips, the day's entries and its 24-hour chart. */
export class TimelinePage {
  constructor(
    private readonly page: Page,
    private readonly locale = "en",
  ) {}

  async goto(query: { child: string; date?: string; type?: string }) {
    const qs = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
    await this.page.goto(`/${this.locale}/timeline?${qs}`);
  }

  entries() {
    return this.page.getByTestId("timeline-entries").getByRole("listitem");
  }

  entry(kind: string) {
    return this.entries().filter({ hasText: kind });
  }

  dayHeading() {
    return this.page.locator("#day-heading");
  }

  async previousDay() {
    await this.page.getByRole("link", { name: "Previous day" }).click();
  }

  async nextDay() {
    await this.page.getByRole("link", { name: "Next day" }).click();
  }

  async filter(label: string) {
    const chip = this.page.getByRole("navigation", { name: "Show" }).getByRole("link", { name: label, exact: true });
    await chip.click();
    await expect(chip).toHaveAttribute("aria-current", "page");
  }

  chart() {
    return this.page.getByTestId("day-chart");
  }

  sleepBlocks() {
    return this.chart().locator('[data-kind="sleep"]');
  }

  /** The chart's table of what it draws (opened like a user would). */
  async chartTable() {
    await this.page.getByText("Show the numbers").click();
    return this.page.getByRole("table", { name: "Entries on the 24-hour chart" });
  }

  /** A horizontal swipe over the day, as touch events (Playwright has no swipe gesture). */
  async swipe(direction: "left" | "right") {
    const box = await this.page
      .getByTestId("timeline-entries")
      .or(this.page.getByText(/^Nothing logged/))
      .first()
      .boundingBox();
    if (!box) throw new Error("nothing to swipe on");
    const y = box.y + box.height / 2;
    const [from, to] = direction === "left" ? [box.x + box.width - 10, box.x + 10] : [box.x + 10, box.x + box.width - 10];
    await this.page.evaluate(
      ({ from, to, y }) => {
        const target = document.elementFromPoint(from, y) ?? document.body;
        const touch = (x: number) => new Touch({ identifier: 1, target, clientX: x, clientY: y });
        target.dispatchEvent(new TouchEvent("touchstart", { bubbles: true, touches: [touch(from)], changedTouches: [touch(from)] }));
        target.dispatchEvent(new TouchEvent("touchend", { bubbles: true, touches: [], changedTouches: [touch(to)] }));
      },
      { from, to, y },
    );
  }
}

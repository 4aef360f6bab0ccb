import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { api } from "../helpers/api";

// These tests stub /api/chat with page.route. Once the service worker controls a page, its
// NetworkOnly route for /api/ fetches on the page's behalf and Playwright's routing never sees the
// request (a flaky "Stop never appears"); the assistant does not need the worker, so block it here.
test.use({ serviceWorkers: "block" });

/** A zone where it is early afternoon now, so "today" holds the bottles whatever hour the tests run. */
function afternoonZone(): string {
  const offset = ((14 - new Date().getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

type Family = { email: string; password: string; token: string; childId: string; bottles: { id: string; ml: number }[] };

/** A parent whose baby girl (6 weeks old) had two bottles today: 90 ml and 120 ml. */
async function familyWithBottles(): Promise<Family> {
  const email = `assistant-${randomUUID().slice(0, 8)}@example.test`;
  const password = "night-feed-42";
  const registered = await api().post("/api/v1/auth/register", { name: "Sam", email, password });
  expect(registered.status).toBe(201);
  const client = api(registered.body.token);
  const birthDate = new Date(Date.now() - 42 * 86_400_000).toISOString().slice(0, 10);
  const child = await client.post("/api/v1/children", {
    familyId: registered.body.family.id,
    name: "Ada",
    birthDate,
    sex: "female",
    timezone: afternoonZone(),
  });
  expect(child.status).toBe(201);
  const bottles = [];
  for (const [minutesAgo, ml] of [
    [60, 90],
    [30, 120],
  ]) {
    const res = await client.post("/api/v1/activities", {
      childId: child.body.child.id,
      type: "feeding",
      startedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      details: { method: "bottle", amountMl: ml, milk: "formula" },
    });
    expect(res.status).toBe(201);
    bottles.push({ id: res.body.activity.id as string, ml });
  }
  return { email, password, token: registered.body.token, childId: child.body.child.id, bottles };
}

async function signIn(page: Page, family: Family) {
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(family.email);
  await page.getByLabel("Password").fill(family.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

async function ask(page: Page, question: string, box = "Your question") {
  const input = page.getByRole("textbox", { name: box });
  await input.fill(question);
  await input.press("Enter");
}

const lastAnswer = (page: Page) => page.getByRole("log").locator(":scope > li").last();

test("a question about today's bottles streams the total with citation links that open the entries", async ({ page }) => {
  const family = await familyWithBottles();
  await signIn(page, family);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assistant" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assistant · Ada");
  await expect(page.getByRole("button", { name: "How much did Ada drink today?" })).toBeVisible();

  // Shift+Enter is a new line, not a send.
  const input = page.getByRole("textbox", { name: "Your question" });
  await input.fill("How much did she drink today?");
  await input.press("Shift+Enter");
  await expect(input).toHaveValue("How much did she drink today?\n");
  await input.press("Enter");
  await expect(input).toHaveValue("");

  const answer = lastAnswer(page);
  await expect(answer).toContainText("Assistant");
  await expect(answer).toContainText("Today: 210 ml in 2 bottles.");
  const citations = answer.getByRole("region", { name: "Based on these entries" }).getByRole("link");
  await expect(citations).toHaveCount(2);
  for (const bottle of family.bottles) {
    await expect(answer.locator(`a[href="/en/entries/${bottle.id}/edit"]`)).toContainText(`${bottle.ml} ml`);
  }
  await expect(page.getByRole("log").locator(":scope > li").first()).toContainText("You");
  await expect(page.getByRole("log")).toHaveAttribute("aria-busy", "false");

  await answer.locator(`a[href="/en/entries/${family.bottles[1].id}/edit"]`).click();
  await expect(page).toHaveURL(new RegExp(`/en/entries/${family.bottles[1].id}/edit`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("in Spanish the question and the answer are Spanish", async ({ page }) => {
  const family = await familyWithBottles();
  await signIn(page, family);
  await page.goto(`/es/assistant?child=${family.childId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Asistente · Ada");
  await ask(page, "¿Cuánto bebió hoy?", "Tu pregunta");
  const answer = lastAnswer(page);
  await expect(answer).toContainText("Hoy: 210 ml en 2 biberones.");
  await expect(answer.getByRole("region", { name: "Basado en estas entradas" }).getByRole("link")).toHaveCount(2);
  await expect(answer.locator(`a[href="/es/entries/${family.bottles[0].id}/edit"]`)).toBeVisible();
});

test("a fever in a 6-week-old puts the urgent-care message first", async ({ page }) => {
  const family = await familyWithBottles();
  await signIn(page, family);
  await page.goto(`/en/assistant?child=${family.childId}`);
  await ask(page, "my 6 week old has a fever of 38.5");
  const answer = lastAnswer(page);
  const alert = answer.getByRole("alert");
  await expect(alert).toContainText("Get medical help now");
  await expect(alert).toContainText("38 °C");
  // First thing in the answer after who is speaking.
  await expect(answer.locator(":scope > :nth-child(2)")).toHaveAttribute("role", "alert");
  // An ordinary question in the same chat has no alert.
  await ask(page, "How much did she drink today?");
  await expect(lastAnswer(page)).toContainText("Today: 210 ml");
  await expect(lastAnswer(page).getByRole("alert")).toHaveCount(0);
});

test("history lists the chat; it opens, renames and deletes", async ({ page }) => {
  const family = await familyWithBottles();
  await signIn(page, family);
  await page.goto(`/en/assistant?child=${family.childId}`);
  await page.getByRole("button", { name: "How much did Ada drink today?" }).click();
  await expect(lastAnswer(page)).toContainText("Today: 210 ml");

  await page.getByRole("button", { name: "New chat" }).first().click();
  await expect(page.getByRole("log").locator(":scope > li")).toHaveCount(0);
  await page.getByRole("button", { name: "Chats", exact: true }).click();
  const history = page.getByRole("navigation", { name: "Chats" });
  const opener = history.getByRole("button", { name: /^How much did Ada drink today\?/ });
  await expect(opener).toBeVisible();
  await expect(opener).toContainText("2 messages");
  await opener.click();
  await expect(lastAnswer(page)).toContainText("Today: 210 ml in 2 bottles.");
  await expect(page.getByRole("log").locator(":scope > li")).toHaveCount(2);

  await page.getByRole("button", { name: "Chats", exact: true }).click();
  await history.getByRole("button", { name: "Rename “How much did Ada drink today?”" }).click();
  await history.getByLabel("Chat title").fill("Bottles today");
  await history.getByRole("button", { name: "Save" }).click();
  await expect(history.getByRole("button", { name: /^Bottles today/ })).toBeVisible();
  const listed = await api(family.token).get(`/api/v1/chats?childId=${family.childId}`);
  expect(listed.body.chats.map((c: { title: string }) => c.title)).toEqual(["Bottles today"]);

  await history.getByRole("button", { name: "Delete “Bottles today”" }).click();
  await expect(history.getByText("Delete “Bottles today”? This cannot be undone.")).toBeVisible();
  await history.getByRole("button", { name: "Delete chat" }).click();
  await expect(history.getByText("No chats yet.")).toBeVisible();
  expect((await api(family.token).get(`/api/v1/chats?childId=${family.childId}`)).body.chats).toEqual([]);
});

test("a quick phrase becomes a draft entry that is saved only on confirm", async ({ page }) => {
  const family = await familyWithBottles();
  await signIn(page, family);
  await page.goto(`/en/assistant?child=${family.childId}`);
  const diapers = async () =>
    (await api(family.token).get(`/api/v1/activities?childId=${family.childId}&type=diaper`)).body.items as { id: string }[];

  await ask(page, "diaper wet and dirty");
  const draft = lastAnswer(page).getByRole("region", { name: "Draft entry, not saved yet" });
  await expect(draft).toContainText("Diaper");
  await expect(draft).toContainText("Wet + dirty");
  expect(await diapers()).toHaveLength(0);
  await draft.getByRole("button", { name: "Save entry" }).click();
  await expect(lastAnswer(page).getByRole("status")).toContainText("Saved to the log.");
  await expect.poll(async () => (await diapers()).length).toBe(1);

  await ask(page, "diaper wet");
  const second = lastAnswer(page).getByRole("region", { name: "Draft entry, not saved yet" });
  await second.getByRole("button", { name: "Discard" }).click();
  await expect(lastAnswer(page)).toContainText("Draft discarded.");
  expect(await diapers()).toHaveLength(1);

  // Reopened from the history, the first draft saved again is the same entry, not a second one.
  await page.getByRole("button", { name: "New chat" }).first().click();
  await page.getByRole("button", { name: "Chats", exact: true }).click();
  await page
    .getByRole("navigation", { name: "Chats" })
    .getByRole("button", { name: /^diaper wet and dirty/ })
    .click();
  const reopened = page.getByRole("log").locator(":scope > li").nth(1).getByRole("region", { name: "Draft entry, not saved yet" });
  await reopened.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("log").locator(":scope > li").nth(1).getByRole("status")).toContainText("Saved to the log.");
  expect(await diapers()).toHaveLength(1);
});

test("the mic puts the browser's transcript in the question box, announced to screen readers", async ({ page }) => {
  // No Whisper endpoint in tests: the browser's speech recognition, stood in for by a fake that hears a quick phrase.
  await page.addInitScript(() => {
    class FakeRecognition {
      lang = "";
      interimResults = false;
      onresult: ((e: unknown) => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      onend: (() => void) | null = null;
      start() {
        (window as unknown as { heardLang: string }).heardLang = this.lang;
        setTimeout(() => {
          this.onresult?.({ results: [[{ transcript: "diaper wet and dirty" }]] });
          this.onend?.();
        }, 300);
      }
      stop() {
        this.onend?.();
      }
    }
    Object.assign(window, { webkitSpeechRecognition: FakeRecognition, SpeechRecognition: undefined });
  });
  const family = await familyWithBottles();
  await signIn(page, family);
  await page.goto(`/en/assistant?child=${family.childId}`);
  await page.getByRole("button", { name: "Ask by voice" }).click();
  await expect(page.getByRole("textbox", { name: "Your question" })).toHaveValue("diaper wet and dirty");
  await expect(page.getByRole("status").filter({ hasText: "Transcript added to your question." })).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { heardLang: string }).heardLang)).toBe("en");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(lastAnswer(page).getByRole("region", { name: "Draft entry, not saved yet" })).toContainText("Wet + dirty");
});

test("a refused or unsent question shows a translated error and can be retried", async ({ page, context }) => {
  const family = await familyWithBottles();
  await signIn(page, family);
  await page.goto(`/de/assistant?child=${family.childId}`);
  let refuse = true;
  await page.route("**/api/chat", (route) =>
    refuse
      ? route.fulfill({
          status: 429,
          contentType: "application/json",
          headers: { "retry-after": "30" },
          body: JSON.stringify({ error: { code: "rate_limited:ai_quota", message: "quota" } }),
        })
      : route.continue(),
  );
  await ask(page, "Wie viel hat sie heute getrunken?", "Deine Frage");
  await expect(page.locator("main").getByRole("alert")).toHaveText(
    "Du hast das heutige Fragenlimit erreicht. Es wird um Mitternacht (UTC) zurückgesetzt.",
  );
  refuse = false;
  await page.getByRole("button", { name: "Erneut versuchen" }).click();
  await expect(lastAnswer(page)).toContainText("210 ml");
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);

  await context.setOffline(true);
  await ask(page, "Wie viel hat sie heute getrunken?", "Deine Frage");
  await expect(page.locator("main").getByRole("alert")).toContainText("Du bist offline");
  // The question stays in the box for when the connection is back.
  await expect(page.getByRole("textbox", { name: "Deine Frage" })).toHaveValue("Wie viel hat sie heute getrunken?");
  await context.setOffline(false);
});

test("Stop ends a pending answer and Try again asks again", async ({ page }) => {
  const family = await familyWithBottles();
  await signIn(page, family);
  await page.goto(`/en/assistant?child=${family.childId}`);
  // The first request never answers: only Stop ends it.
  let hang = true;
  await page.route("**/api/chat", (route) => (hang ? undefined : route.continue()));
  await ask(page, "How much did she drink today?");
  await expect(page.getByRole("status").filter({ hasText: "Thinking…" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByRole("button", { name: "Stop" })).toHaveCount(0);
  await expect(page.getByRole("log").locator(":scope > li")).toHaveCount(1);
  hang = false;
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(lastAnswer(page)).toContainText("Today: 210 ml in 2 bottles.");
  await expect(page.getByRole("log").locator(":scope > li")).toHaveCount(2);
});

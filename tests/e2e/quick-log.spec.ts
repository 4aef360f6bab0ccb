import { daysAgo, expect, test } from "./fixtures/test";

test("a failed save keeps what was typed and shows the field's error in the user's language; a stale edit says so", async ({
  page,
  request,
  auth,
  home,
  user,
}) => {
  test.setTimeout(120_000);
  await auth.signUp(user);
  await home.addChild({ name: "Lucía", birthDate: daysAgo(25), sex: "Girl" });
  await page.goto("/es");
  await expect(page.getByRole("heading", { level: 1, name: "Lucía" })).toBeVisible();

  // Quick bottle: 900 ml is refused next to the amount, in Spanish; the typed amount and milk stay.
  const bottle = page.getByRole("region", { name: "Biberón", exact: true });
  const amount = bottle.getByLabel("Biberón (ml)");
  await amount.fill("900");
  await bottle.getByRole("radio", { name: "Leche materna" }).check();
  await bottle.getByRole("button", { name: "Guardar biberón" }).click();
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await amount.getAttribute("aria-describedby")) ?? "";
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText("Debe ser como máximo 500.");
  await expect(amount).toHaveValue("900");
  await expect(bottle.getByRole("radio", { name: "Leche materna" })).toBeChecked();
  await expect(page.getByText("Aún no hay registros")).toBeVisible();

  await amount.fill("120");
  await bottle.getByRole("button", { name: "Guardar biberón" }).click();
  await expect(page.getByRole("status").filter({ hasText: /\S/ })).toHaveText("Biberón guardado · 120 ml de leche materna");
  await expect(amount).not.toHaveAttribute("aria-invalid", "true");
  await expect(home.entry("Biberón")).toContainText("120 ml de leche materna");

  // A full form: 50 °C is refused next to the field, and the value stays.
  await page.getByText("Más tipos de registro").click();
  await page.getByRole("link", { name: "Temperatura", exact: true }).click();
  const temperature = page.getByLabel("Temperatura (°C)");
  await temperature.fill("50");
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(page.locator('[id="f-details-celsius-error"]')).toHaveText("Debe ser como máximo 45.");
  await expect(temperature).toHaveValue("50");
  await expect(temperature).toBeFocused();

  // Editing while someone else changed the entry: the message says so, the typed value stays.
  await page.goto("/es");
  await page.getByLabel(/^Más opciones para Biberón a las /).click();
  await page.getByRole("link", { name: /^Editar Biberón de las / }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Editar Biberón · Lucía" })).toBeVisible();
  const editAmount = page.getByLabel("Cantidad (ml)");
  await expect(editAmount).toHaveValue("120");
  await editAmount.fill("150");

  const ip = { "x-forwarded-for": `10.204.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
  const issued = await request.post("/api/v1/auth/token", {
    headers: ip,
    data: { email: user.email, password: user.password, label: "e2e" },
  });
  const headers = { ...ip, authorization: `Bearer ${(await issued.json()).token}` };
  const entryId = new URL(page.url()).pathname.split("/")[3];
  const changed = await request.patch(`/api/v1/activities/${entryId}`, {
    headers,
    data: { version: 1, details: { method: "bottle", amountMl: 100, milk: "breast_milk" } },
  });
  expect(changed.ok()).toBeTruthy();

  await page.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(page.locator("main form").getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "Otra persona cambió este registro; recarga e inténtalo de nuevo.",
  );
  await expect(editAmount).toHaveValue("150");
  await page.reload();
  await expect(page.getByLabel("Cantidad (ml)")).toHaveValue("100");
});

test("double taps on one-tap buttons and timer controls never duplicate", async ({ page, auth, home, user }) => {
  await auth.signUp(user);
  await home.addChild({ name: "Leo", birthDate: daysAgo(8), sex: "Boy" });

  await home.card("Diaper").getByRole("button", { name: "Wet diaper: log now" }).dblclick();
  await expect(home.toast()).toContainText("Diaper saved · Wet");
  await home.card("Bottle").getByRole("button", { name: "Save bottle" }).dblclick();
  await expect(home.toast()).toContainText("Bottle saved");

  await home.startBreastfeed("left");
  await home.timer("Breastfeed").getByRole("button", { name: "Switch to Right" }).dblclick();
  await expect(home.timer("Breastfeed")).toContainText("Right side");
  await home.timer("Breastfeed").getByRole("button", { name: /^Stop/ }).dblclick();
  await expect(home.timer("Breastfeed")).toHaveCount(0);

  await page.reload();
  await expect(home.entry("Diaper")).toHaveCount(1);
  await expect(home.entry("Bottle")).toHaveCount(1);
  await expect(home.entry("Breastfeed")).toHaveCount(1);
  // Switched once, not back: the feed ended on the right.
  await expect(home.entry("Breastfeed")).toContainText("last: Right");
});

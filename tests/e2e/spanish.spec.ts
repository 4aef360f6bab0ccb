import { daysAgo, expect, test } from "./fixtures/test";

test("the Spanish locale speaks Spanish from sign-up to a field error", async ({ page, user }) => {
  await page.goto("/es/sign-up");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "Crea tu cuenta" })).toBeVisible();

  await page.getByLabel("Tu nombre").fill(user.name);
  await page.getByLabel("Correo electrónico").fill(user.email);
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  // Sign-up opens the onboarding; skip it to reach home.
  await page.getByRole("link", { name: "Omitir por ahora" }).click();
  await expect(page).toHaveURL(/\/es$/);

  await page.getByLabel("Nombre", { exact: true }).fill("Lucía");
  await page.getByLabel("Fecha de nacimiento").fill(daysAgo(10));
  await page.getByRole("radio", { name: "Niña" }).check();
  await page.getByRole("button", { name: "Añadir" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lucía" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Registros recientes" })).toBeVisible();

  await page.getByRole("link", { name: "Biberón", exact: true }).click();
  await page.getByLabel("Cantidad (ml)").fill("900");
  await page.getByRole("radio", { name: "Fórmula" }).check();
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(page.locator('[id="f-details-amountMl-error"]')).toHaveText("Debe ser como máximo 500.");
  await expect(page.getByRole("button", { name: "Cerrar sesión" })).toBeVisible();
});

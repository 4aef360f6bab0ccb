import { describe, expect, it } from "vitest";
import { api, bottle, createChild, registerAccount } from "../helpers/api";

describe("Accept-Language: es gives Spanish error messages", () => {
  it("for an unknown route", async () => {
    const res = await api(undefined, { locale: "es" }).get("/api/v1/nope");
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: "not_found:route", message: "No existe esa ruta de la API." });
  });

  it("for field errors, with their limits", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const res = await api(owner.token, { locale: "es-ES,es;q=0.9,en;q=0.5" }).post(
      "/api/v1/activities",
      bottle(child.id, { details: { method: "bottle", amountMl: 5000, milk: "formula" } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: "bad_request:activity",
      message: "La solicitud tiene campos no válidos.",
      fields: { "details.amountMl": "Debe ser como máximo 500." },
    });
    const times = await api(owner.token, { locale: "es" }).post(
      "/api/v1/activities",
      bottle(child.id, { endedAt: "2000-01-01T00:00:00Z" }),
    );
    expect(times.body.error.fields).toEqual({ endedAt: "El final no puede ser anterior al inicio." });
  });

  it("for authentication, authorization, conflicts and lookups", async () => {
    const owner = await registerAccount();
    const viewer = await registerAccount("Viewer");
    const code = (await api(owner.token).post(`/api/v1/families/${owner.familyId}/invites`, { role: "viewer" })).body.code;
    await api(viewer.token).post(`/api/v1/invites/${code}/accept`);
    const child = await createChild(owner);
    const es = (token?: string) => api(token, { locale: "es" });

    expect((await es().get("/api/v1/me")).body.error.message).toBe("Inicia sesión o envía un token de acceso válido.");
    expect((await es().post("/api/v1/auth/token", { email: owner.email, password: "wrong password" })).body.error.message).toBe(
      "El correo o la contraseña no son correctos.",
    );
    expect((await es(viewer.token).post("/api/v1/activities", bottle(child.id))).body.error.message).toBe(
      "Tu rol en esta familia no lo permite.",
    );
    expect((await es(owner.token).get("/api/v1/children/0b7d5a6e-8f0c-4d7e-9b7e-2f6d2d6a1c11")).body.error.message).toBe(
      "No se encontró al niño o la niña.",
    );
    expect((await es(owner.token).delete(`/api/v1/families/${owner.familyId}/members/${owner.userId}`)).body.error.message).toBe(
      "La familia debe conservar al menos un propietario.",
    );
    const malformed = await es(owner.token).raw("POST", "/api/v1/activities", "{");
    expect(malformed.body.error).toEqual({
      code: "bad_request:json",
      message: "El cuerpo de la solicitud no es JSON válido.",
      fields: { body: "Este valor no es válido." },
    });
    const wrongType = await es(owner.token).raw("POST", "/api/v1/activities", "{}", { "content-type": "text/plain" });
    expect(wrongType.body.error.message).toBe("Envía JSON con Content-Type: application/json.");
  });

  it("codes stay the same in every language", async () => {
    const [en, es] = await Promise.all([
      api(undefined, { locale: "en" }).get("/api/v1/me"),
      api(undefined, { locale: "es" }).get("/api/v1/me"),
    ]);
    expect(en.body.error.code).toBe(es.body.error.code);
    expect(en.body.error.message).not.toBe(es.body.error.message);
  });

  it("falls back to English for unsupported or refused languages", async () => {
    for (const locale of ["ja", "zh-CN, it;q=0.5", "es;q=0", "*"]) {
      const res = await api(undefined, { locale }).get("/api/v1/nope");
      expect(res.body.error.message, locale).toBe("No such API route.");
    }
    expect((await api(undefined, { locale: "ja, es;q=0.3" }).get("/api/v1/nope")).body.error.message).toBe("No existe esa ruta de la API.");
  });
});

import { describe, expect, it } from "vitest";
import { api, registerAccount } from "../helpers/api";

describe("health", () => {
  it("answers 200 with the database and Redis checks", async () => {
    const res = await api().get("/api/health");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      status: "ok",
      checks: {
        database: { ok: true, ms: expect.any(Number) },
        redis: { ok: true, ms: expect.any(Number) },
      },
    });
  });
});

describe("OpenAPI document", () => {
  it("is served as JSON without signing in", async () => {
    const res = await api().get("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths)).toContain("/api/v1/activities");
  });
});

describe("unknown API routes", () => {
  const unknown = [
    ["GET", "/api/v1/nope"],
    ["POST", "/api/v1/nope"],
    ["PATCH", "/api/v1/children/extra/segments/here"],
    ["PUT", "/api/v1/activities/x/y"],
    ["DELETE", "/api/v1/families/x/unknown"],
    ["GET", "/api/v1"],
    ["GET", "/api/v1/"],
    ["GET", "/api/v1/Children"],
  ];

  for (const [method, path] of unknown) {
    it(`${method} ${path} → 404 JSON`, async () => {
      const res = await api().raw(method, path, method === "GET" || method === "DELETE" ? undefined : {});
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.body).toEqual({ error: { code: "not_found:route", message: "No such API route." } });
    });
  }

  it("does not depend on being signed in", async () => {
    const account = await registerAccount();
    const res = await api(account.token).get("/api/v1/not-a-route");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found:route");
  });
});

describe("authentication is required on every data endpoint", () => {
  const id = "0b7d5a6e-8f0c-4d7e-9b7e-2f6d2d6a1c11";
  const routes: [string, string][] = [
    ["GET", "/api/v1/me"],
    ["PATCH", "/api/v1/me"],
    ["GET", "/api/v1/tokens"],
    ["POST", "/api/v1/tokens"],
    ["DELETE", `/api/v1/tokens/${id}`],
    ["POST", "/api/v1/auth/password"],
    ["GET", "/api/v1/families"],
    ["POST", "/api/v1/families"],
    ["GET", `/api/v1/families/${id}`],
    ["PATCH", `/api/v1/families/${id}`],
    ["DELETE", `/api/v1/families/${id}`],
    ["POST", `/api/v1/families/${id}/invites`],
    ["PATCH", `/api/v1/families/${id}/members/${id}`],
    ["DELETE", `/api/v1/families/${id}/members/${id}`],
    ["POST", "/api/v1/invites/ABCDEFGHIJKL/accept"],
    ["GET", `/api/v1/children?familyId=${id}`],
    ["POST", "/api/v1/children"],
    ["GET", `/api/v1/children/${id}`],
    ["PATCH", `/api/v1/children/${id}`],
    ["DELETE", `/api/v1/children/${id}`],
    ["GET", `/api/v1/activities?childId=${id}`],
    ["POST", "/api/v1/activities"],
    ["GET", `/api/v1/activities/${id}`],
    ["PATCH", `/api/v1/activities/${id}`],
    ["DELETE", `/api/v1/activities/${id}`],
    ["GET", `/api/v1/timers?familyId=${id}`],
    ["POST", "/api/v1/timers"],
    ["GET", `/api/v1/timers/${id}`],
    ["PATCH", `/api/v1/timers/${id}`],
  ];

  for (const [method, path] of routes) {
    it(`${method} ${path.replace(id, ":id").replace(id, ":id")} → 401 without a token`, async () => {
      const res = await api().raw(method, path, method === "GET" || method === "DELETE" ? undefined : {});
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized:auth");
    });
  }
});

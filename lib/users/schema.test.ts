import { describe, expect, it } from "vitest";
import { changePasswordSchema, credentialsSchema, registerSchema, updateMeSchema } from "./schema";

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.path.join("."));

describe("registerSchema", () => {
  it("lower-cases the email", () => {
    expect(registerSchema.parse({ email: "Ana.Garcia@Example.TEST", password: "long enough", name: "Ana" }).email).toBe(
      "ana.garcia@example.test",
    );
  });

  it("needs a real email, a password of 8–256 characters, a name and a known locale", () => {
    const ok = { email: "a@example.test", password: "12345678", name: "A" };
    expect(paths(registerSchema.safeParse(ok))).toEqual([]);
    expect(paths(registerSchema.safeParse({ ...ok, email: "a@" }))).toEqual(["email"]);
    expect(paths(registerSchema.safeParse({ ...ok, password: "1234567" }))).toEqual(["password"]);
    expect(paths(registerSchema.safeParse({ ...ok, password: "x".repeat(257) }))).toEqual(["password"]);
    expect(paths(registerSchema.safeParse({ ...ok, name: " " }))).toEqual(["name"]);
    expect(paths(registerSchema.safeParse({ ...ok, locale: "ja" }))).toEqual(["locale"]);
  });

  it("reports a short password with its own message key", () => {
    const result = registerSchema.safeParse({ email: "a@example.test", password: "short", name: "A" });
    expect(result.error!.issues[0]).toMatchObject({ code: "custom", params: { i18n: "weak_password" } });
  });
});

describe("other account schemas", () => {
  it("credentials accept any non-empty password (old accounts may predate the rules)", () => {
    expect(paths(credentialsSchema.safeParse({ email: "a@example.test", password: "x" }))).toEqual([]);
    expect(paths(credentialsSchema.safeParse({ email: "a@example.test", password: "" }))).toEqual(["password"]);
  });

  it("a new password follows the registration rules", () => {
    expect(paths(changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "short" }))).toEqual(["newPassword"]);
  });

  it("settings are bounded and partial", () => {
    expect(paths(updateMeSchema.safeParse({ settings: { dayStartHour: 0 } }))).toEqual([]);
    expect(paths(updateMeSchema.safeParse({ settings: { dayStartHour: 24 } }))).toEqual(["settings.dayStartHour"]);
    expect(paths(updateMeSchema.safeParse({ settings: { units: "imperial", extra: 1 } }))).toEqual(["settings"]);
  });
});

import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createChildSchema, isTimeZone, updateChildSchema } from "./schema";

const familyId = "0b7d5a6e-8f0c-4d7e-9b7e-2f6d2d6a1c11";
const valid = { familyId, name: "Eva", birthDate: "2025-06-01", sex: "female" };
const fails = (input: unknown, schema: z.ZodType = createChildSchema) => {
  const result = schema.safeParse(input);
  return result.success ? [] : [...new Set(result.error.issues.map((i) => i.path.join(".")))];
};

describe("isTimeZone", () => {
  it("knows IANA zones and rejects anything else", () => {
    for (const zone of ["UTC", "Europe/Madrid", "America/Argentina/Buenos_Aires", "Asia/Kolkata"]) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ["Mars/Olympus_Mons", "Europe/Atlantis", "", "GMT+25"]) expect(isTimeZone(zone)).toBe(false);
  });
});

describe("createChildSchema", () => {
  it("accepts a plausible child and trims the name", () => {
    expect(createChildSchema.parse({ ...valid, name: "  Eva  ", timezone: "Europe/Madrid", gestationalAgeWeeks: 38 })).toMatchObject({
      name: "Eva",
    });
  });

  it("bounds the birth date: a real calendar day, from 1990 to tomorrow", () => {
    const tomorrow = new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
    const nextWeek = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
    expect(fails({ ...valid, birthDate: tomorrow })).toEqual([]);
    expect(fails({ ...valid, birthDate: "1990-01-01" })).toEqual([]);
    for (const birthDate of [nextWeek, "1989-12-31", "2025-02-29", "2025-13-01", "01/06/2025", "2025-06-01T00:00:00Z"]) {
      expect(fails({ ...valid, birthDate }), birthDate).toEqual(["birthDate"]);
    }
  });

  it("bounds names, zones and gestational age", () => {
    expect(fails({ ...valid, name: "x".repeat(61) })).toEqual(["name"]);
    expect(fails({ ...valid, name: " " })).toEqual(["name"]);
    expect(fails({ ...valid, timezone: "Nowhere/Land" })).toEqual(["timezone"]);
    expect(fails({ ...valid, timezone: `Europe/${"x".repeat(64)}` })).toEqual(["timezone"]);
    expect(fails({ ...valid, gestationalAgeWeeks: 21 })).toEqual(["gestationalAgeWeeks"]);
    expect(fails({ ...valid, gestationalAgeWeeks: 45 })).toEqual(["gestationalAgeWeeks"]);
    expect(fails({ ...valid, gestationalAgeWeeks: 38.5 })).toEqual(["gestationalAgeWeeks"]);
    expect(fails({ ...valid, sex: "other" })).toEqual(["sex"]);
  });

  it("rejects unknown fields", () => {
    expect(fails({ ...valid, photo: "x" })).toEqual([""]);
  });
});

describe("updateChildSchema", () => {
  it("takes any subset, never the family", () => {
    expect(fails({}, updateChildSchema)).toEqual([]);
    expect(fails({ name: "Leo", version: 3 }, updateChildSchema)).toEqual([]);
    expect(fails({ familyId }, updateChildSchema)).toEqual([""]);
    expect(fails({ version: 0 }, updateChildSchema)).toEqual(["version"]);
  });
});

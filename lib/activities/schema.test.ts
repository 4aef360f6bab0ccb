import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, parseInput, type FieldIssue } from "@/lib/errors/app-error";
import { activityTypes, checkTimes, createActivitySchema, LIMITS, listActivitiesQuerySchema, updateActivitySchema } from "./schema";

const childId = "3df01453-cee0-45c8-ba5e-72ce8492a9da";
const startedAt = new Date(Date.now() - 3600_000).toISOString();

/** The field issues a schema reports for an input, or null when it is valid. */
function problems(schema: z.ZodType, input: unknown): Record<string, FieldIssue> | null {
  try {
    parseInput(schema, input, "activity");
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.fields ?? {};
  }
}

const entry = (type: string, details: unknown, extra: Record<string, unknown> = {}) => ({ childId, type, startedAt, details, ...extra });

/** Asserts the input is rejected and that the report names `path`. */
function rejects(input: unknown, path: string, schema: z.ZodType = createActivitySchema) {
  const fields = problems(schema, input);
  expect(fields, `expected ${JSON.stringify(input)} to be rejected`).not.toBeNull();
  expect(Object.keys(fields!)).toContain(path);
  return fields![path];
}

function accepts(input: unknown, schema: z.ZodType = createActivitySchema) {
  expect(problems(schema, input)).toBeNull();
}

describe("createActivitySchema: every type accepts a plausible entry", () => {
  const valid: Record<(typeof activityTypes)[number], unknown> = {
    feeding: { method: "bottle", amountMl: 120, milk: "formula" },
    sleep: { location: "crib", quality: "good" },
    diaper: { wet: true, dirty: false, color: "yellow", consistency: "soft", rash: false },
    growth: { weightGrams: 4200, lengthMm: 540, headMm: 370 },
    pumping: { leftMl: 60, rightMl: 55.5 },
    medication: { name: "Paracetamol", dose: 2.5, unit: "ml" },
    temperature: { celsius: 37.2, method: "axillary" },
    tummy_time: {},
    note: { text: "First smile" },
  };
  for (const type of activityTypes) {
    it(type, () => accepts(entry(type, valid[type])));
  }

  it("accepts the optional common fields", () => {
    accepts(entry("sleep", {}, { id: "0b7d5a6e-8f0c-4d7e-9b7e-2f6d2d6a1c11", endedAt: new Date().toISOString(), notes: "  restless  " }));
    accepts(entry("sleep", {}, { endedAt: null, notes: null }));
  });

  it("accepts times with an offset", () => {
    accepts(entry("note", { text: "x" }, { startedAt: "2026-01-01T10:00:00+01:00" }));
  });
});

describe("createActivitySchema: the envelope", () => {
  it("rejects an unknown type at `type`", () => {
    expect(rejects(entry("bath", {}), "type")).toEqual({ key: "invalid_choice" });
  });

  it("rejects a missing or malformed childId", () => {
    expect(rejects({ type: "tummy_time", startedAt, details: {} }, "childId")).toEqual({ key: "required" });
    rejects({ ...entry("tummy_time", {}), childId: "not-a-uuid" }, "childId");
  });

  it("rejects a malformed client id", () => {
    rejects(entry("tummy_time", {}, { id: "123" }), "id");
  });

  it("rejects times that are not ISO-8601 with an offset", () => {
    for (const bad of ["yesterday", "2026-01-01", "2026-01-01 10:00", "2026-01-01T10:00:00", "2026-02-30T10:00:00Z", 1767261600000]) {
      rejects(entry("tummy_time", {}, { startedAt: bad }), "startedAt");
    }
    rejects(entry("tummy_time", {}, { endedAt: "soon" }), "endedAt");
  });

  it("rejects unknown top-level fields", () => {
    expect(rejects(entry("tummy_time", {}, { createdById: childId }), "body")).toEqual({
      key: "unrecognized_keys",
      params: { keys: "createdById" },
    });
  });

  it("rejects notes past 2000 characters", () => {
    accepts(entry("tummy_time", {}, { notes: "x".repeat(2000) }));
    expect(rejects(entry("tummy_time", {}, { notes: "x".repeat(2001) }), "notes")).toEqual({
      key: "too_big_string",
      params: { limit: 2000 },
    });
  });

  it("rejects details of another type", () => {
    rejects(entry("feeding", { wet: true, dirty: false }), "details.method");
    rejects(entry("diaper", { method: "bottle", amountMl: 10, milk: "formula" }), "details.wet");
  });

  it("rejects missing details", () => {
    rejects({ childId, type: "note", startedAt }, "details");
  });
});

describe("createActivitySchema: feeding", () => {
  const bottle = (amountMl: unknown, extra = {}) => entry("feeding", { method: "bottle", amountMl, milk: "formula", ...extra });
  const breast = (details: Record<string, unknown>) => entry("feeding", { method: "breast", ...details });

  it("bounds a bottle between 0 (exclusive) and 500 ml", () => {
    accepts(bottle(0.5));
    accepts(bottle(LIMITS.bottleMl));
    expect(rejects(bottle(5000), "details.amountMl")).toEqual({ key: "too_big_number", params: { limit: 500 } });
    expect(rejects(bottle(500.5), "details.amountMl")).toEqual({ key: "too_big_number", params: { limit: 500 } });
    rejects(bottle(0), "details.amountMl");
    rejects(bottle(-10), "details.amountMl");
  });

  it("rejects a bottle amount in the wrong unit or type", () => {
    expect(rejects(bottle("120 ml"), "details.amountMl")).toEqual({ key: "invalid_type", params: { expected: "number" } });
    const fields = problems(createActivitySchema, entry("feeding", { method: "bottle", amountOz: 4, milk: "formula" }))!;
    expect(fields.details).toEqual({ key: "unrecognized_keys", params: { keys: "amountOz" } });
    expect(fields["details.amountMl"]).toEqual({ key: "required" });
  });

  it("requires a known milk", () => {
    rejects(entry("feeding", { method: "bottle", amountMl: 100 }), "details.milk");
    rejects(bottle(100, { milk: "juice" }), "details.milk");
  });

  it("rejects an unknown method", () => {
    expect(rejects(entry("feeding", { method: "spoon" }), "details.method")).toEqual({ key: "invalid_choice" });
  });

  it("bounds breast seconds per side to whole seconds within 4 hours", () => {
    accepts(breast({ leftSeconds: 0, rightSeconds: LIMITS.breastSecondsPerSide, lastSide: "right" }));
    accepts(breast({}));
    rejects(breast({ leftSeconds: LIMITS.breastSecondsPerSide + 1 }), "details.leftSeconds");
    rejects(breast({ rightSeconds: -1 }), "details.rightSeconds");
    rejects(breast({ leftSeconds: 1.5 }), "details.leftSeconds");
    rejects(breast({ lastSide: "middle" }), "details.lastSide");
  });

  it("bounds solids", () => {
    const solids = (details: Record<string, unknown>) => entry("feeding", { method: "solids", foods: ["carrot"], ...details });
    accepts(solids({ amountG: 1000, reaction: "liked" }));
    rejects(solids({ foods: [] }), "details.foods");
    rejects(solids({ foods: Array.from({ length: 21 }, (_, i) => `food ${i}`) }), "details.foods");
    rejects(solids({ foods: ["x".repeat(61)] }), "details.foods.0");
    rejects(solids({ foods: ["ok", "  "] }), "details.foods.1");
    rejects(solids({ amountG: 1001 }), "details.amountG");
    rejects(solids({ amountG: -5 }), "details.amountG");
    rejects(solids({ reaction: "meh" }), "details.reaction");
    accepts(solids({ allergens: ["peanut", "egg"] }));
    rejects(solids({ allergens: ["peanut", "peanut"] }), "details.allergens");
    rejects(solids({ allergens: ["chocolate"] }), "details.allergens.0");
  });
});

describe("createActivitySchema: other types", () => {
  it("growth: a 60 kg baby, a 200 g baby, absurd lengths and heads are rejected", () => {
    const growth = (details: Record<string, unknown>) => entry("growth", details);
    accepts(growth({ weightGrams: LIMITS.weightGrams.min }));
    accepts(growth({ weightGrams: LIMITS.weightGrams.max }));
    expect(rejects(growth({ weightGrams: 60_000 }), "details.weightGrams")).toEqual({ key: "too_big_number", params: { limit: 35_000 } });
    rejects(growth({ weightGrams: 200 }), "details.weightGrams");
    rejects(growth({ weightGrams: 3500.5 }), "details.weightGrams");
    rejects(growth({ weightGrams: 4.2 }), "details.weightGrams");
    rejects(growth({ lengthMm: 1301 }), "details.lengthMm");
    rejects(growth({ lengthMm: 199 }), "details.lengthMm");
    rejects(growth({ headMm: 601 }), "details.headMm");
    rejects(growth({ headMm: 149 }), "details.headMm");
    rejects(growth({ weightKg: 4 }), "details");
  });

  it("growth needs at least one measure", () => {
    expect(rejects(entry("growth", {}), "details")).toEqual({ key: "at_least_one_measure" });
  });

  it("pumping: 0–500 ml per side", () => {
    accepts(entry("pumping", {}));
    accepts(entry("pumping", { leftMl: 0, rightMl: 500 }));
    rejects(entry("pumping", { leftMl: 501 }), "details.leftMl");
    rejects(entry("pumping", { rightMl: -1 }), "details.rightMl");
  });

  it("diaper: wet and dirty are required booleans; colours and consistencies are known", () => {
    rejects(entry("diaper", { dirty: true }), "details.wet");
    rejects(entry("diaper", { wet: "yes", dirty: false }), "details.wet");
    rejects(entry("diaper", { wet: true, dirty: false, color: "purple" }), "details.color");
    rejects(entry("diaper", { wet: true, dirty: false, consistency: "gaseous" }), "details.consistency");
  });

  it("medication: name, positive bounded dose and a known unit", () => {
    const med = (details: Record<string, unknown>) => entry("medication", { name: "Ibuprofen", dose: 2, unit: "ml", ...details });
    rejects(med({ name: "" }), "details.name");
    rejects(med({ name: "x".repeat(81) }), "details.name");
    rejects(med({ dose: 0 }), "details.dose");
    rejects(med({ dose: 10_001 }), "details.dose");
    rejects(med({ unit: "l" }), "details.unit");
  });

  it("temperature: 30–45 °C, so a Fahrenheit reading is rejected", () => {
    accepts(entry("temperature", { celsius: 30 }));
    accepts(entry("temperature", { celsius: 45 }));
    rejects(entry("temperature", { celsius: 98.6 }), "details.celsius");
    rejects(entry("temperature", { celsius: 29.9 }), "details.celsius");
    rejects(entry("temperature", { celsius: 37, method: "armpit" }), "details.method");
    rejects(entry("temperature", { fahrenheit: 98.6 }), "details");
  });

  it("sleep: bounded location and known quality", () => {
    rejects(entry("sleep", { location: "x".repeat(61) }), "details.location");
    rejects(entry("sleep", { quality: "amazing" }), "details.quality");
  });

  it("tummy time has no details", () => {
    rejects(entry("tummy_time", { minutes: 5 }), "details");
  });

  it("note: 1–2000 characters after trimming", () => {
    accepts(entry("note", { text: "x".repeat(2000) }));
    rejects(entry("note", { text: "x".repeat(2001) }), "details.text");
    rejects(entry("note", { text: "   " }), "details.text");
    rejects(entry("note", {}), "details.text");
  });
});

describe("checkTimes", () => {
  const now = Date.UTC(2026, 5, 1, 12, 0, 0);
  const timed = z
    .object({ startedAt: z.string(), endedAt: z.string().nullable().optional() })
    .superRefine((value, ctx) => checkTimes(value, ctx, now));
  const t = (offsetMs: number) => new Date(now + offsetMs).toISOString();

  it("allows a start up to an hour ahead (clock skew), not further", () => {
    accepts({ startedAt: t(LIMITS.futureSkewMs) }, timed);
    expect(rejects({ startedAt: t(LIMITS.futureSkewMs + 1000) }, "startedAt", timed)).toEqual({ key: "in_future" });
    expect(rejects({ startedAt: "2100-01-01T00:00:00Z" }, "startedAt", timed)).toEqual({ key: "in_future" });
  });

  it("rejects an end before the start, allows an instant", () => {
    expect(rejects({ startedAt: t(-60_000), endedAt: t(-120_000) }, "endedAt", timed)).toEqual({ key: "ended_before_started" });
    accepts({ startedAt: t(-60_000), endedAt: t(-60_000) }, timed);
  });

  it("rejects entries longer than 24 hours", () => {
    accepts({ startedAt: t(-LIMITS.maxDurationMs), endedAt: t(0) }, timed);
    expect(rejects({ startedAt: t(-LIMITS.maxDurationMs - 1000), endedAt: t(0) }, "endedAt", timed)).toEqual({ key: "too_long_duration" });
  });

  it("rejects an end in the far future", () => {
    expect(rejects({ startedAt: t(0), endedAt: t(LIMITS.futureSkewMs + 60_000) }, "endedAt", timed)).toEqual({ key: "in_future" });
  });

  it("is applied by createActivitySchema", () => {
    rejects(entry("note", { text: "x" }, { startedAt: "2100-01-01T00:00:00Z" }), "startedAt");
    rejects(entry("sleep", {}, { endedAt: new Date(Date.parse(startedAt) - 1000).toISOString() }), "endedAt");
  });
});

describe("updateActivitySchema", () => {
  it("needs a positive integer version", () => {
    accepts({ version: 1 }, updateActivitySchema);
    rejects({}, "version", updateActivitySchema);
    rejects({ version: 0 }, "version", updateActivitySchema);
    rejects({ version: "1" }, "version", updateActivitySchema);
    rejects({ version: 1.5 }, "version", updateActivitySchema);
  });

  it("rejects fields that cannot change", () => {
    expect(rejects({ version: 1, type: "sleep" }, "body", updateActivitySchema)).toEqual({
      key: "unrecognized_keys",
      params: { keys: "type" },
    });
    rejects({ version: 1, childId }, "body", updateActivitySchema);
  });

  it("validates times and notes", () => {
    rejects({ version: 1, startedAt: "nope" }, "startedAt", updateActivitySchema);
    rejects({ version: 1, notes: "x".repeat(2001) }, "notes", updateActivitySchema);
    rejects({ version: 1, details: "x" }, "details", updateActivitySchema);
  });
});

describe("listActivitiesQuerySchema", () => {
  it("defaults and coerces the limit (query strings are text)", () => {
    expect(listActivitiesQuerySchema.parse({ childId }).limit).toBe(50);
    expect(listActivitiesQuerySchema.parse({ childId, limit: "20" }).limit).toBe(20);
  });

  it("bounds the limit to 1–200", () => {
    for (const limit of ["0", "201", "abc", "1.5", "-1"]) rejects({ childId, limit }, "limit", listActivitiesQuerySchema);
  });

  it("needs a child id and validates the filters", () => {
    rejects({}, "childId", listActivitiesQuerySchema);
    rejects({ childId, type: "bath" }, "type", listActivitiesQuerySchema);
    rejects({ childId, from: "yesterday" }, "from", listActivitiesQuerySchema);
    rejects({ childId, to: "2026-01-01" }, "to", listActivitiesQuerySchema);
    rejects({ childId, cursor: "x".repeat(201) }, "cursor", listActivitiesQuerySchema);
  });

  it("rejects dates the database cannot store (year 0)", () => {
    rejects({ childId, from: "0000-01-01T00:00:00Z" }, "from", listActivitiesQuerySchema);
    rejects({ childId, to: "0001-01-01T00:30:00+01:00" }, "to", listActivitiesQuerySchema);
    accepts({ childId, from: "2000-01-01T00:00:00Z", to: "9999-12-31T00:00:00Z" }, listActivitiesQuerySchema);
  });
});

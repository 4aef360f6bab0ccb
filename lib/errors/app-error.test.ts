import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, fieldsFromZod, parseInput, translateField } from "./app-error";

function fieldsOf(schema: z.ZodType, input: unknown, prefix: (string | number)[] = []) {
  try {
    parseInput(schema, input, "thing", prefix);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe("bad_request:thing");
    expect(appError.status).toBe(400);
    return appError.fields!;
  }
  throw new Error("parseInput accepted invalid input");
}

describe("AppError", () => {
  it("maps every kind to its HTTP status", () => {
    const cases = {
      bad_request: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      payload_too_large: 413,
      unsupported_media_type: 415,
      rate_limited: 429,
      unavailable: 503,
      internal: 500,
    } as const;
    for (const [kind, status] of Object.entries(cases)) {
      expect(new AppError(`${kind as keyof typeof cases}:x`).status).toBe(status);
    }
  });

  it("keeps the kind:surface code", () => {
    const error = new AppError("not_found:child");
    expect(error.code).toBe("not_found:child");
    expect(error.kind).toBe("not_found");
    expect(error.surface).toBe("child");
  });

  it("uses the surface-specific message when there is one, else the kind's message", () => {
    expect(new AppError("not_found:child").toBody().error.message).toBe("Child not found.");
    expect(new AppError("not_found:something_else").toBody().error.message).toBe("Not found.");
  });

  it("translates messages and fields to Spanish", () => {
    const body = new AppError("bad_request:activity", {
      fields: { "details.amountMl": { key: "too_big_number", params: { limit: 500 } } },
    }).toBody("es");
    expect(body.error.message).toBe("La solicitud tiene campos no válidos.");
    expect(body.error.fields).toEqual({ "details.amountMl": "Debe ser como máximo 500." });
    expect(new AppError("not_found:route").toBody("es").error.message).toBe("No existe esa ruta de la API.");
  });

  it("omits fields when there are none", () => {
    expect(new AppError("conflict:version").toBody().error).toEqual({
      code: "conflict:version",
      message: "This entry was changed by someone else; reload and try again.",
    });
  });

  it("builds a JSON response with Retry-After when given", async () => {
    const res = new AppError("rate_limited:api", { retryAfterSeconds: 17 }).toResponse("en");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("17");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ error: { code: "rate_limited:api", message: "Too many requests; try again shortly." } });
  });

  it("sends no Retry-After without a delay", () => {
    expect(new AppError("not_found:child").toResponse().headers.get("retry-after")).toBeNull();
  });
});

describe("translateField", () => {
  it("interpolates parameters", () => {
    expect(translateField("en", { key: "too_big_string", params: { limit: 60 } })).toBe("Must be at most 60 characters.");
    expect(translateField("es", { key: "too_small_number", params: { limit: 1 } })).toBe("Debe ser al menos 1.");
  });

  it("falls back to the generic message for an unknown key", () => {
    expect(translateField("en", { key: "no_such_message" })).toBe("This value is not valid.");
    expect(translateField("es", { key: "no_such_message" })).toBe("Este valor no es válido.");
  });
});

describe("parseInput → field paths and message keys", () => {
  const schema = z
    .object({
      name: z.string().trim().min(1).max(5),
      count: z.number().int().min(1).max(10),
      kind: z.enum(["a", "b"]),
      email: z.email().optional(),
      tags: z.array(z.string().max(3)).max(2).optional(),
      nested: z.object({ deep: z.number() }).strict().optional(),
      day: z.date().max(new Date("2020-01-01T00:00:00Z")).optional(),
    })
    .strict();
  const valid = { name: "Eva", count: 3, kind: "a" };

  it("returns the data when valid", () => {
    expect(parseInput(schema, valid, "thing")).toEqual(valid);
  });

  it("says a missing field is required", () => {
    expect(fieldsOf(schema, { count: 3, kind: "a" })).toEqual({ name: { key: "required" } });
  });

  it("says a present field of the wrong type has the wrong type, not that it is missing", () => {
    expect(fieldsOf(schema, { ...valid, count: "3" })).toEqual({ count: { key: "invalid_type", params: { expected: "number" } } });
    expect(fieldsOf(schema, { ...valid, name: null })).toEqual({ name: { key: "invalid_type", params: { expected: "string" } } });
  });

  it("reports numeric, string and array bounds with their limits", () => {
    expect(fieldsOf(schema, { ...valid, count: 11 })).toEqual({ count: { key: "too_big_number", params: { limit: 10 } } });
    expect(fieldsOf(schema, { ...valid, count: 0 })).toEqual({ count: { key: "too_small_number", params: { limit: 1 } } });
    expect(fieldsOf(schema, { ...valid, name: "Evangeline" })).toEqual({ name: { key: "too_big_string", params: { limit: 5 } } });
    expect(fieldsOf(schema, { ...valid, name: "   " })).toEqual({ name: { key: "too_small_string", params: { limit: 1 } } });
    expect(fieldsOf(schema, { ...valid, tags: ["a", "b", "c"] })).toEqual({ tags: { key: "too_big_array", params: { limit: 2 } } });
  });

  it("reports date bounds as ISO timestamps", () => {
    expect(fieldsOf(schema, { ...valid, day: new Date("2021-01-01T00:00:00Z") })).toEqual({
      day: { key: "too_big_date", params: { limit: "2020-01-01T00:00:00.000Z" } },
    });
  });

  it("names nested and array paths with dots", () => {
    expect(fieldsOf(schema, { ...valid, tags: ["ok", "toolong"] })).toEqual({ "tags.1": { key: "too_big_string", params: { limit: 3 } } });
    expect(fieldsOf(schema, { ...valid, nested: { deep: "x" } })).toEqual({
      "nested.deep": { key: "invalid_type", params: { expected: "number" } },
    });
  });

  it("lists enum options and formats", () => {
    expect(fieldsOf(schema, { ...valid, kind: "c" })).toEqual({ kind: { key: "invalid_value", params: { options: "a, b" } } });
    expect(fieldsOf(schema, { ...valid, email: "not-an-email" })).toEqual({
      email: { key: "invalid_format", params: { format: "email" } },
    });
  });

  it("names unknown keys; at the root the path is `body`", () => {
    expect(fieldsOf(schema, { ...valid, admin: true })).toEqual({ body: { key: "unrecognized_keys", params: { keys: "admin" } } });
    expect(fieldsOf(schema, { ...valid, nested: { deep: 1, x: 1 } })).toEqual({
      nested: { key: "unrecognized_keys", params: { keys: "x" } },
    });
  });

  it("treats a body that is not an object as a problem with `body`", () => {
    for (const input of [null, [], "text", 42]) expect(Object.keys(fieldsOf(schema, input))).toEqual(["body"]);
  });

  it("reports every bad field, the first issue per path", () => {
    const fields = fieldsOf(schema, { name: "", count: 99, kind: "z" });
    expect(Object.keys(fields).sort()).toEqual(["count", "kind", "name"]);
  });

  it("uses the i18n key and values of custom issues, else `invalid`", () => {
    const custom = z.object({
      a: z.string().refine(() => false, { params: { i18n: "in_future" } }),
      b: z.string().refine(() => false, { params: { i18n: "too_big_number", values: { limit: 3 } } }),
      c: z.string().refine(() => false),
    });
    expect(fieldsOf(custom, { a: "x", b: "x", c: "x" })).toEqual({
      a: { key: "in_future" },
      b: { key: "too_big_number", params: { limit: 3 } },
      c: { key: "invalid" },
    });
  });

  it("maps a discriminated union's unknown tag to the tag's path", () => {
    const union = z.discriminatedUnion("type", [z.object({ type: z.literal("x") }), z.object({ type: z.literal("y") })]);
    expect(fieldsOf(union, { type: "z" })).toEqual({ type: { key: "invalid_choice" } });
  });

  it("prefixes paths", () => {
    expect(fieldsOf(schema, { ...valid, count: 0 }, ["query"])).toEqual({
      "query.count": { key: "too_small_number", params: { limit: 1 } },
    });
  });

  it("fieldsFromZod keys issues by JSON path", () => {
    const result = schema.safeParse({ ...valid, nested: { deep: 1, extra: 2 } });
    expect(result.success).toBe(false);
    expect(fieldsFromZod(result.error!)).toEqual({ nested: { key: "unrecognized_keys", params: { keys: "extra" } } });
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { decodeCursor, encodeCursor } from "./cursor";

const id = "0b7d5a6e-8f0c-4d7e-9b7e-2f6d2d6a1c11";
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function rejectsCursor(cursor: string) {
  try {
    decodeCursor(cursor);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("bad_request:activity");
    expect((error as AppError).fields).toEqual({ cursor: { key: "invalid" } });
    return;
  }
  throw new Error(`cursor ${cursor} was accepted`);
}

describe("activity cursor", () => {
  it("round-trips the position (startedAt, id)", () => {
    const startedAt = new Date("2026-03-04T05:06:07.089Z");
    const cursor = encodeCursor(startedAt, id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ startedAt, id });
  });

  it("is opaque and URL-safe", () => {
    const cursor = encodeCursor(new Date(), id);
    expect(encodeURIComponent(cursor)).toBe(cursor);
    expect(cursor).not.toContain(id);
  });

  it("rejects garbage with a 400 naming `cursor`", () => {
    for (const cursor of ["", "!!!", "not base64 at all", raw("x"), raw({}), raw([]), raw(null)]) rejectsCursor(cursor);
  });

  it("rejects well-formed JSON of the wrong shape", () => {
    rejectsCursor(raw(["2026-01-01T00:00:00.000Z"]));
    rejectsCursor(raw(["2026-01-01T00:00:00.000Z", "not-a-uuid"]));
    rejectsCursor(raw(["yesterday", id]));
    rejectsCursor(raw([1767225600000, id]));
    rejectsCursor(raw(["2026-01-01T00:00:00.000Z", id, "extra"]));
  });

  it("rejects positions the database cannot compare against (year 0)", () => {
    rejectsCursor(raw(["0000-01-01T00:00:00.000Z", id]));
  });
});

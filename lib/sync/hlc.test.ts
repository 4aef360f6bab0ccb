import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareHlc, decodeHlc, encodeHlc, HybridClock, maxHlc, receiveHlc, tickHlc } from "./hlc";

describe("hlc", () => {
  it("encodes to a string that sorts like the clock (wall, then counter, then node)", () => {
    const stamps = [
      encodeHlc({ wall: 1_700_000_000_000, counter: 0, node: "b" }),
      encodeHlc({ wall: 1_700_000_000_000, counter: 0, node: "a" }),
      encodeHlc({ wall: 999, counter: 99_999, node: "z" }),
      encodeHlc({ wall: 1_700_000_000_000, counter: 2, node: "a" }),
      encodeHlc({ wall: 1_700_000_000_001, counter: 0, node: "a" }),
    ];
    expect([...stamps].sort()).toEqual([stamps[2], stamps[1], stamps[0], stamps[3], stamps[4]]);
    expect(stamps[0]).toBe("1700000000000-00000-b");
  });

  it("round-trips any valid stamp and orders strings as tuples", () => {
    const hlc = fc.record({
      wall: fc.integer({ min: 0, max: 9_999_999_999_999 }),
      counter: fc.integer({ min: 0, max: 99_999 }),
      node: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
    });
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        expect(decodeHlc(encodeHlc(a))).toEqual(a);
        const tuple =
          a.wall !== b.wall
            ? a.wall - b.wall
            : a.counter !== b.counter
              ? a.counter - b.counter
              : a.node < b.node
                ? -1
                : a.node > b.node
                  ? 1
                  : 0;
        expect(Math.sign(compareHlc(encodeHlc(a), encodeHlc(b)))).toBe(Math.sign(tuple));
      }),
    );
  });

  it("rejects what is not a stamp", () => {
    expect(() => decodeHlc("12-0-a")).toThrow(RangeError);
    expect(() => encodeHlc({ wall: -1, counter: 0, node: "a" })).toThrow(RangeError);
    expect(() => encodeHlc({ wall: 1, counter: 100_000, node: "a" })).toThrow(RangeError);
    expect(() => encodeHlc({ wall: 1, counter: 0, node: "a b" })).toThrow(RangeError);
  });

  it("a missing stamp is older than any stamp", () => {
    expect(compareHlc(null, "0000000000000-00000-a")).toBeLessThan(0);
    expect(compareHlc(undefined, null)).toBe(0);
    expect(maxHlc(null, "0000000000001-00000-a")).toBe("0000000000001-00000-a");
    expect(maxHlc(null, undefined)).toBeNull();
  });

  it("tick follows the physical clock, and counts while it stands still or goes back", () => {
    const start = { wall: 1000, counter: 3, node: "n" };
    expect(tickHlc(start, 2000)).toEqual({ wall: 2000, counter: 0, node: "n" });
    expect(tickHlc(start, 1000)).toEqual({ wall: 1000, counter: 4, node: "n" });
    expect(tickHlc(start, 500)).toEqual({ wall: 1000, counter: 4, node: "n" });
    expect(tickHlc({ wall: 1000, counter: 99_999, node: "n" }, 900)).toEqual({ wall: 1001, counter: 0, node: "n" });
  });

  it("receive moves past the remote stamp even when the local wall clock is behind", () => {
    const local = { wall: 1000, counter: 0, node: "phone" };
    expect(receiveHlc(local, { wall: 5000, counter: 7, node: "server" }, 1200)).toEqual({ wall: 5000, counter: 8, node: "phone" });
    expect(receiveHlc(local, { wall: 500, counter: 7, node: "server" }, 1200)).toEqual({ wall: 1200, counter: 0, node: "phone" });
    expect(receiveHlc({ wall: 5000, counter: 9, node: "phone" }, { wall: 5000, counter: 7, node: "server" }, 10)).toEqual({
      wall: 5000,
      counter: 10,
      node: "phone",
    });
    expect(receiveHlc({ wall: 5000, counter: 9, node: "phone" }, { wall: 10, counter: 7, node: "server" }, 10)).toEqual({
      wall: 5000,
      counter: 10,
      node: "phone",
    });
  });

  it("a clock's stamps strictly increase and stay after everything it received (property)", () => {
    const steps = fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("tick" as const), physical: fc.integer({ min: 0, max: 10_000 }) }),
        fc.record({
          kind: fc.constant("receive" as const),
          physical: fc.integer({ min: 0, max: 10_000 }),
          remote: fc.record({
            wall: fc.integer({ min: 0, max: 20_000 }),
            counter: fc.integer({ min: 0, max: 50 }),
            node: fc.constant("other"),
          }),
        }),
      ),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(steps, (list) => {
        let physical = 0;
        const clock = new HybridClock("me", () => physical);
        let last = "";
        for (const step of list) {
          physical = step.physical;
          const stamp = step.kind === "tick" ? clock.now() : clock.receive(encodeHlc(step.remote));
          expect(compareHlc(stamp, last)).toBeGreaterThan(0);
          if (step.kind === "receive")
            expect(decodeHlc(stamp).wall * 1e6 + decodeHlc(stamp).counter).toBeGreaterThan(step.remote.wall * 1e6 + step.remote.counter);
          expect(decodeHlc(stamp).wall).toBeGreaterThanOrEqual(step.physical);
          last = stamp;
        }
        expect(clock.peek()).toBe(last || clock.peek());
      }),
    );
  });

  it("a clock resumes after a persisted stamp", () => {
    const clock = new HybridClock("phone", () => 10, "0000000005000-00003-phone");
    expect(clock.now()).toBe("0000000005000-00004-phone");
  });
});

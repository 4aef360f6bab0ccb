import { describe, expect, it } from "vitest";
import {
  applyCaughtUp,
  applyEvent,
  applyResync,
  followsLive,
  forgetFamily,
  refreshDelayMs,
  sinceMap,
  type ClientSeqs,
} from "./client-state";

const A = "5f0c7a4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f";
const B = "8a9b0c1d-2e3f-4a5b-8c7d-9e0f1a2b3c4d";

/** Feeds events through applyEvent and returns the final seqs and each outcome. */
function run(seqs: ClientSeqs, events: [string, number][]) {
  const outcomes: string[] = [];
  for (const [familyId, seq] of events) {
    const step = applyEvent(seqs, { familyId, seq });
    seqs = step.seqs;
    outcomes.push(step.outcome);
  }
  return { seqs, outcomes };
}

describe("applyEvent", () => {
  it("starts a family at its first event and applies the next seqs in order", () => {
    expect(
      run({}, [
        [A, 7],
        [A, 8],
        [A, 9],
      ]),
    ).toEqual({ seqs: { [A]: 9 }, outcomes: ["apply", "apply", "apply"] });
  });

  it("drops a seq it already has and an older one, keeping the state object", () => {
    const seqs = { [A]: 9 };
    expect(applyEvent(seqs, { familyId: A, seq: 9 })).toEqual({ seqs, outcome: "duplicate" });
    expect(applyEvent(seqs, { familyId: A, seq: 3 }).seqs).toBe(seqs);
    expect(applyEvent(seqs, { familyId: A, seq: 3 }).outcome).toBe("duplicate");
  });

  it("reports a gap when a seq is skipped, and continues from the new one", () => {
    expect(
      run({ [A]: 4 }, [
        [A, 7],
        [A, 8],
        [A, 7],
      ]),
    ).toEqual({ seqs: { [A]: 8 }, outcomes: ["gap", "apply", "duplicate"] });
  });

  it("keeps families apart", () => {
    expect(
      run({ [A]: 4 }, [
        [B, 4],
        [A, 5],
        [B, 5],
        [A, 5],
      ]),
    ).toEqual({
      seqs: { [A]: 5, [B]: 5 },
      outcomes: ["apply", "apply", "apply", "duplicate"],
    });
  });

  it("catch-up overlapping live events applies each seq exactly once", () => {
    // Live 6 and 7 arrive while catch-up replays 5..7.
    const { seqs, outcomes } = run({ [A]: 4 }, [
      [A, 5],
      [A, 6],
      [A, 6],
      [A, 7],
      [A, 7],
    ]);
    expect(seqs).toEqual({ [A]: 7 });
    expect(outcomes.filter((o) => o === "apply")).toHaveLength(3);
    expect(outcomes).not.toContain("gap");
  });
});

describe("applyCaughtUp", () => {
  it("is fine when we already have the seq", () => {
    const seqs = { [A]: 9 };
    expect(applyCaughtUp(seqs, { familyId: A, seq: 9 })).toEqual({ seqs, outcome: "ok" });
  });

  it("takes the seq as a baseline for a family we had none for", () => {
    expect(applyCaughtUp({}, { familyId: A, seq: 12 })).toEqual({ seqs: { [A]: 12 }, outcome: "ok" });
  });

  it("reports a gap when the server is ahead of what we applied", () => {
    expect(applyCaughtUp({ [A]: 3 }, { familyId: A, seq: 5 })).toEqual({ seqs: { [A]: 5 }, outcome: "gap" });
  });
});

describe("resync, leaving, since", () => {
  it("continues from the server's seq after a resync", () => {
    const seqs = applyResync({ [A]: 3, [B]: 1 }, { familyId: A, seq: 2000 });
    expect(seqs).toEqual({ [A]: 2000, [B]: 1 });
    expect(applyEvent(seqs, { familyId: A, seq: 2001 }).outcome).toBe("apply");
  });

  it("forgets a family that was left", () => {
    expect(forgetFamily({ [A]: 3, [B]: 1 }, A)).toEqual({ [B]: 1 });
    const seqs = { [B]: 1 };
    expect(forgetFamily(seqs, A)).toBe(seqs);
  });

  it("sends since only for families with a seq, as a copy", () => {
    expect(sinceMap({})).toBeUndefined();
    const seqs = { [A]: 3 };
    const since = sinceMap(seqs);
    expect(since).toEqual({ [A]: 3 });
    expect(since).not.toBe(seqs);
  });
});

describe("refreshDelayMs", () => {
  const now = Date.parse("2026-11-25T12:00:00Z");
  const at = (ms: number) => new Date(now + ms).toISOString();

  it("refreshes a minute before a long-lived token expires", () => {
    expect(refreshDelayMs(at(15 * 60_000), now)).toBe(14 * 60_000);
  });

  it("refreshes at two thirds of a short lifetime", () => {
    expect(refreshDelayMs(at(90_000), now)).toBe(60_000);
  });

  it("never schedules sooner than a second, even for an expired or unreadable time", () => {
    expect(refreshDelayMs(at(-5_000), now)).toBe(1_000);
    expect(refreshDelayMs("not a date", now)).toBe(1_000);
  });
});

describe("followsLive", () => {
  it("refreshes home, timeline, timers and the dashboard", () => {
    for (const path of ["/", "/timeline", "/dashboard", "/timers"]) expect(followsLive(path), path).toBe(true);
  });

  it("leaves forms and other pages alone", () => {
    for (const path of ["/entries/abc/edit", "/log/feeding", "/children/abc/edit", "/settings", "/family", "/timelines"])
      expect(followsLive(path), path).toBe(false);
  });
});

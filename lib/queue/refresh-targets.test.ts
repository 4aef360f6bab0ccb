import { describe, expect, it } from "vitest";
import type { FamilyEvent } from "@/lib/events/schema";
import { childrenToRefresh, familiesToPurge } from "./refresh-targets";

const familyId = "11111111-1111-4111-8111-111111111111";
const [a, b] = ["aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"];
const event = (type: FamilyEvent["type"], data: Record<string, unknown>, seq = 1): FamilyEvent => ({
  type,
  familyId,
  seq,
  actorId: null,
  at: new Date(0).toISOString(),
  data,
});

describe("childrenToRefresh", () => {
  it("takes the child of activity writes and stopped timers, once per child", () => {
    expect(
      childrenToRefresh([
        event("activity.created", { activity: { childId: a } }),
        event("activity.updated", { activity: { childId: a } }),
        event("activity.deleted", { id: "x", childId: b }),
        event("timer.stopped", { timer: { childId: b } }),
      ]),
    ).toEqual([
      { familyId, childId: a },
      { familyId, childId: b },
    ]);
  });

  it("ignores everything else, the worker's own announcements included (no refresh loop)", () => {
    expect(
      childrenToRefresh([
        event("timer.started", { timer: { childId: a } }),
        event("child.updated", { child: { id: a } }),
        event("insight.created", { insight: { childId: a } }),
        event("alert.raised", { alert: { childId: a } }),
        event("family.updated", {}),
      ]),
    ).toEqual([]);
  });
});

describe("familiesToPurge", () => {
  it("takes deleted families, once each", () => {
    expect(familiesToPurge([event("family.deleted", {}, 9), event("family.deleted", {}, 10), event("family.updated", {})])).toEqual([
      familyId,
    ]);
    expect(familiesToPurge([event("child.deleted", { id: a })])).toEqual([]);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { FamilyEvent } from "@/lib/events/schema";
import { applyMembershipChanges } from "./memberships";

const familyId = randomUUID();
const userId = randomUUID();
const event = (seq: number, type: FamilyEvent["type"], data: Record<string, unknown>): FamilyEvent => ({
  type,
  familyId,
  seq,
  actorId: null,
  at: new Date(Date.UTC(2026, 0, 1)).toISOString(),
  data,
});

describe("applyMembershipChanges (memberships that change during a handshake)", () => {
  const other = randomUUID();
  const read = [{ familyId, seq: 7 }];
  const change = (seq: number, type: FamilyEvent["type"], user: string | undefined, family = other): FamilyEvent => ({
    ...event(seq, type, user ? { userId: user } : {}),
    familyId: family,
  });

  it("adds a family joined meanwhile, from just before its membership.added", () => {
    expect(applyMembershipChanges(read, [change(3, "membership.added", userId)], userId)).toEqual([...read, { familyId: other, seq: 2 }]);
    // Already in what was read: kept as read.
    expect(applyMembershipChanges(read, [change(8, "membership.added", userId, familyId)], userId)).toEqual(read);
  });

  it("drops a family left or deleted meanwhile, and ignores other users' changes", () => {
    expect(applyMembershipChanges(read, [change(8, "membership.removed", userId, familyId)], userId)).toEqual([]);
    expect(applyMembershipChanges(read, [change(8, "family.deleted", undefined, familyId)], userId)).toEqual([]);
    expect(applyMembershipChanges(read, [change(8, "membership.removed", randomUUID(), familyId)], userId)).toEqual(read);
    expect(applyMembershipChanges(read, [change(3, "membership.added", randomUUID())], userId)).toEqual(read);
  });

  it("applies changes in order", () => {
    const joinedThenLeft = [change(3, "membership.added", userId), change(4, "membership.removed", userId)];
    expect(applyMembershipChanges(read, joinedThenLeft, userId)).toEqual(read);
    const leftThenBack = [change(8, "membership.removed", userId, familyId), change(9, "membership.added", userId, familyId)];
    expect(applyMembershipChanges(read, leftThenBack, userId)).toEqual([{ familyId, seq: 8 }]);
  });
});

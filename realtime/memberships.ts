import type { FamilyEvent } from "@/lib/events/schema";
import type { SocketData } from "./types";

export function concernsMembership(event: FamilyEvent, userId: string): boolean {
  if (event.type === "family.deleted") return true;
  return (event.type === "membership.added" || event.type === "membership.removed") && event.data.userId === userId;
}

/** The user's families after membership events (in seq order); a family joined starts just before its membership.added. */
export function applyMembershipChanges(families: SocketData["families"], changes: FamilyEvent[], userId: string): SocketData["families"] {
  let result = families;
  for (const event of changes) {
    if (!concernsMembership(event, userId)) continue;
    const known = result.some((f) => f.familyId === event.familyId);
    if (event.type === "membership.added" && !known) result = [...result, { familyId: event.familyId, seq: event.seq - 1 }];
    if (event.type !== "membership.added" && known) result = result.filter((f) => f.familyId !== event.familyId);
  }
  return result;
}

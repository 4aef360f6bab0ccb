import type { Role } from "@/lib/db/generated/enums";

export const roles = ["owner", "parent", "caregiver", "viewer"] as const satisfies readonly Role[];
export type { Role };

const RANK: Record<Role, number> = { viewer: 0, caregiver: 1, parent: 2, owner: 3 };

export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

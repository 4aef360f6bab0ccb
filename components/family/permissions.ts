import { hasRole, roles, type Role } from "@/lib/auth/roles";

/**
 * What a role may do, mirrored from the services (lib/families, lib/children, lib/activities) so
 * pages only show controls that will work. The services still decide; these only hide.
 */
export const can = {
  /** Log entries (quick log, log forms, timers). Viewers only read. */
  log: (role: Role) => hasRole(role, "caregiver"),
  /** Edit or delete an entry: parents any, caregivers their own. */
  changeEntry: (role: Role, createdById: string | null, meId: string) =>
    hasRole(role, "parent") || (hasRole(role, "caregiver") && createdById === meId),
  manageChildren: (role: Role) => hasRole(role, "parent"),
  invite: (role: Role) => hasRole(role, "parent"),
  renameFamily: (role: Role) => hasRole(role, "parent"),
  deleteFamily: (role: Role) => role === "owner",
  /** Change the role of, or remove, another member: parents cannot touch owners. */
  manageMember: (role: Role, target: { userId: string; role: Role }, meId: string) =>
    target.userId !== meId && hasRole(role, "parent") && (role === "owner" || target.role !== "owner"),
};

/** Roles the actor may hand out (in invites and role changes): only owners make owners. */
export function assignableRoles(role: Role): Role[] {
  if (role === "owner") return [...roles];
  return hasRole(role, "parent") ? roles.filter((r) => r !== "owner") : [];
}

/** The actor's role in one family, from getMe().families or listFamilies(); null when not a member. */
export function roleIn(families: { id: string; role: Role }[], familyId: string): Role | null {
  return families.find((f) => f.id === familyId)?.role ?? null;
}

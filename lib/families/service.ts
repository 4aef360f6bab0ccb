import { randomBytes } from "node:crypto";
import { db, Prisma, type Tx } from "@/lib/db/client";
import { writeWithEvents } from "@/lib/db/transaction";
import { publishFamilyEvents } from "@/lib/events/publish";
import { AppError, parseInput } from "@/lib/errors/app-error";
import { env } from "@/lib/config/env";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { requireFamilyRole } from "./access";
import { changeRoleSchema, createFamilySchema, createInviteSchema, inviteCodeSchema, updateFamilySchema } from "./schema";

const familyInclude = {
  memberships: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } },
} as const;

type FamilyRow = Awaited<ReturnType<typeof loadFamily>>;

function loadFamily(id: string) {
  return db.family.findUniqueOrThrow({ where: { id }, include: familyInclude });
}

export function toFamilyDto(family: NonNullable<FamilyRow>, role: Role) {
  return {
    id: family.id,
    name: family.name,
    seq: Number(family.seq),
    role,
    createdAt: family.createdAt.toISOString(),
    members: family.memberships.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      joinedAt: m.createdAt.toISOString(),
    })),
  };
}

export async function createFamily({ actor, input }: { actor: Actor; input: unknown }) {
  const data = parseInput(createFamilySchema, input, "family");
  const family = await db.family.create({
    data: { name: data.name, memberships: { create: { userId: actor.userId, role: "owner" } } },
  });
  return toFamilyDto(await loadFamily(family.id), "owner");
}

export async function getFamily({ actor, familyId }: { actor: Actor; familyId: string }) {
  const role = await requireFamilyRole({ actor, familyId, atLeast: "viewer" });
  return toFamilyDto(await loadFamily(familyId), role);
}

export async function listFamilies({ actor }: { actor: Actor }) {
  const rows = await db.membership.findMany({
    where: { userId: actor.userId },
    include: { family: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({ id: m.family.id, name: m.family.name, role: m.role }));
}

export async function renameFamily({ actor, familyId, input }: { actor: Actor; familyId: string; input: unknown }) {
  const data = parseInput(updateFamilySchema, input, "family");
  const role = await requireFamilyRole({ actor, familyId, atLeast: "parent" });
  await writeWithEvents(actor, async (tx, changes) => {
    await tx.family.update({ where: { id: familyId }, data: { name: data.name } });
    await changes.emit(familyId, "family.updated", { name: data.name });
  });
  return toFamilyDto(await loadFamily(familyId), role);
}

export async function deleteFamily({ actor, familyId }: { actor: Actor; familyId: string }) {
  await requireFamilyRole({ actor, familyId, atLeast: "owner" });
  const { seq } = await db.family.delete({ where: { id: familyId }, select: { seq: true } });
  // The family's event log goes with it, so this last event is only published.
  await publishFamilyEvents([
    { type: "family.deleted", familyId, seq: Number(seq) + 1, actorId: actor.userId, at: new Date().toISOString(), data: {} },
  ]);
}

/** Owners invite any role; parents invite parents, caregivers and viewers. */
export async function createInvite({ actor, familyId, input }: { actor: Actor; familyId: string; input: unknown }) {
  const data = parseInput(createInviteSchema, input, "invite");
  const role = await requireFamilyRole({ actor, familyId, atLeast: "parent", surface: "family" });
  if (data.role === "owner" && role !== "owner") throw new AppError("forbidden:invite");
  const code = randomBytes(12).toString("base64url");
  const expiresAt = new Date(Date.now() + (data.expiresInHours ?? env().INVITE_TTL_HOURS) * 3600_000);
  await db.invite.create({
    data: { familyId, code, role: data.role, email: data.email?.toLowerCase(), createdById: actor.userId, expiresAt },
  });
  return { code, url: `${env().APP_URL}/invite/${code}`, role: data.role, expiresAt: expiresAt.toISOString() };
}

export async function acceptInvite({ actor, code }: { actor: Actor; code: string }) {
  const parsed = inviteCodeSchema.safeParse(code);
  if (!parsed.success) throw new AppError("not_found:invite");
  const invite = await db.invite.findUnique({ where: { code: parsed.data } });
  if (!invite || invite.usedAt || invite.expiresAt.getTime() < Date.now()) throw new AppError("not_found:invite");
  if (invite.email) {
    // An invite addressed to an email can only be accepted by that account.
    const me = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } });
    if (me?.email !== invite.email) throw new AppError("not_found:invite");
  }
  const existing = await db.membership.findUnique({
    where: { familyId_userId: { familyId: invite.familyId, userId: actor.userId } },
  });
  if (existing) throw new AppError("conflict:membership");
  try {
    await writeWithEvents(actor, async (tx, changes) => {
      // The used-at guard makes a code single-use even when two people accept at once.
      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, usedAt: null },
        data: { usedAt: new Date(), usedById: actor.userId },
      });
      if (claimed.count === 0) throw new AppError("not_found:invite");
      await tx.membership.create({ data: { familyId: invite.familyId, userId: actor.userId, role: invite.role } });
      await changes.emit(invite.familyId, "membership.added", { userId: actor.userId, role: invite.role });
    });
  } catch (error) {
    // Two invites to one family accepted at once: the second membership hits the unique key.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict:membership");
    throw error;
  }
  return { family: toFamilyDto(await loadFamily(invite.familyId), invite.role), role: invite.role };
}

/**
 * Serializes membership changes in a family: the last-owner rule counts owners and then writes,
 * so two owners leaving at once must not both see the other one still there.
 */
async function lockMemberships(tx: Tx, familyId: string) {
  await tx.$queryRaw`SELECT id FROM "Family" WHERE id = ${familyId}::uuid FOR UPDATE`;
}

/**
 * Removes a member, or lets a member leave (userId = self). Parents cannot remove owners; the
 * last owner cannot leave. Access ends at once: every request re-reads membership.
 */
export async function removeMember({ actor, familyId, userId }: { actor: Actor; familyId: string; userId: string }) {
  const leaving = userId === actor.userId;
  const atLeast = leaving ? "viewer" : "parent";
  await requireFamilyRole({ actor, familyId, atLeast });
  await writeWithEvents(actor, async (tx, changes) => {
    await lockMemberships(tx, familyId);
    const role = await requireFamilyRole({ actor, familyId, atLeast }, tx);
    const target = await tx.membership.findUnique({ where: { familyId_userId: { familyId, userId } } });
    if (!target) throw new AppError("not_found:member");
    if (target.role === "owner" && !leaving && role !== "owner") throw new AppError("forbidden:member");
    if (target.role === "owner") {
      const owners = await tx.membership.count({ where: { familyId, role: "owner" } });
      if (owners <= 1) throw new AppError("conflict:owner");
    }
    await tx.membership.delete({ where: { id: target.id } });
    await changes.emit(familyId, "membership.removed", { userId });
  });
}

export async function changeMemberRole({
  actor,
  familyId,
  userId,
  input,
}: {
  actor: Actor;
  familyId: string;
  userId: string;
  input: unknown;
}) {
  const data = parseInput(changeRoleSchema, input, "member");
  await requireFamilyRole({ actor, familyId, atLeast: "parent" });
  await writeWithEvents(actor, async (tx, changes) => {
    await lockMemberships(tx, familyId);
    const role = await requireFamilyRole({ actor, familyId, atLeast: "parent" }, tx);
    const target = await tx.membership.findUnique({ where: { familyId_userId: { familyId, userId } } });
    if (!target) throw new AppError("not_found:member");
    if (role !== "owner" && (target.role === "owner" || data.role === "owner")) throw new AppError("forbidden:member");
    if (target.role === "owner" && data.role !== "owner") {
      const owners = await tx.membership.count({ where: { familyId, role: "owner" } });
      if (owners <= 1) throw new AppError("conflict:owner");
    }
    await tx.membership.update({ where: { id: target.id }, data: { role: data.role } });
    await changes.emit(familyId, "membership.updated", { userId, role: data.role });
  });
  return getFamily({ actor, familyId });
}

import { db, type Child } from "@/lib/db/client";
import { writeWithEvents } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/actor";
import { requireChildRole, requireFamilyRole } from "@/lib/families/access";
import { createChildSchema, updateChildSchema, type ChildDto } from "./schema";

export function toChildDto(child: Child): ChildDto {
  return {
    id: child.id,
    familyId: child.familyId,
    name: child.name,
    birthDate: child.birthDate.toISOString().slice(0, 10),
    sex: child.sex,
    timezone: child.timezone,
    gestationalAgeWeeks: child.gestationalAgeWeeks,
    version: child.version,
    seq: Number(child.seq),
    createdAt: child.createdAt.toISOString(),
    updatedAt: child.updatedAt.toISOString(),
  };
}

export async function createChild({ actor, input }: { actor: Actor; input: unknown }) {
  const data = parseInput(createChildSchema, input, "child");
  await requireFamilyRole({ actor, familyId: data.familyId, atLeast: "parent" });
  return writeWithEvents(actor, async (tx, changes) => {
    const seq = await changes.next(data.familyId);
    const child = await tx.child.create({
      data: {
        familyId: data.familyId,
        name: data.name,
        birthDate: new Date(`${data.birthDate}T00:00:00Z`),
        sex: data.sex,
        timezone: data.timezone ?? "UTC",
        gestationalAgeWeeks: data.gestationalAgeWeeks ?? null,
        seq,
      },
    });
    const dto = toChildDto(child);
    await changes.record(data.familyId, seq, "child.created", { child: dto });
    return dto;
  });
}

export async function listChildren({ actor, familyId }: { actor: Actor; familyId: string }) {
  await requireFamilyRole({ actor, familyId, atLeast: "viewer" });
  const rows = await db.child.findMany({ where: { familyId, deletedAt: null }, orderBy: { birthDate: "desc" } });
  return rows.map(toChildDto);
}

export async function getChild({ actor, childId }: { actor: Actor; childId: string }) {
  const { child } = await requireChildRole({ actor, childId, atLeast: "viewer" });
  return toChildDto(child);
}

export async function updateChild({ actor, childId, input }: { actor: Actor; childId: string; input: unknown }) {
  const data = parseInput(updateChildSchema, input, "child");
  const { child } = await requireChildRole({ actor, childId, atLeast: "parent" });
  if (data.version !== undefined && data.version !== child.version) throw new AppError("conflict:version");
  return writeWithEvents(actor, async (tx, changes) => {
    const seq = await changes.next(child.familyId);
    const updated = await tx.child.updateMany({
      // A client that sent no version asked for last-writer-wins, not for a conflict check.
      where: { id: childId, deletedAt: null, ...(data.version !== undefined && { version: data.version }) },
      data: {
        name: data.name,
        birthDate: data.birthDate ? new Date(`${data.birthDate}T00:00:00Z`) : undefined,
        sex: data.sex,
        timezone: data.timezone,
        gestationalAgeWeeks: data.gestationalAgeWeeks,
        version: { increment: 1 },
        seq,
      },
    });
    if (updated.count === 0) {
      // Gone (deleted, or its family deleted meanwhile) → 404; still there → someone else's edit won.
      const still = await tx.child.findFirst({ where: { id: childId, deletedAt: null }, select: { id: true } });
      throw new AppError(still ? "conflict:version" : "not_found:child");
    }
    const dto = toChildDto(await tx.child.findUniqueOrThrow({ where: { id: childId } }));
    await changes.record(child.familyId, seq, "child.updated", { child: dto });
    return dto;
  });
}

/** Soft delete: the tombstone tells offline devices; entries stay for a possible restore. */
export async function deleteChild({ actor, childId }: { actor: Actor; childId: string }) {
  const { child } = await requireChildRole({ actor, childId, atLeast: "parent" });
  await writeWithEvents(actor, async (tx, changes) => {
    const seq = await changes.next(child.familyId);
    await tx.child.update({ where: { id: childId }, data: { deletedAt: new Date(), seq, version: { increment: 1 } } });
    await tx.timer.updateMany({ where: { childId, state: { not: "stopped" } }, data: { state: "stopped", stoppedAt: new Date() } });
    await changes.record(child.familyId, seq, "child.deleted", { childId });
  });
}

import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/actor";
import type { FamilyEvent } from "@/lib/events/schema";
import { createWrites } from "@/lib/sync/merge";
import type { ActivityDto, CreateActivityInput } from "./schema";
import { newActivityDto } from "./insert";

/**
 * insertActivity for many entries of one family at once (an offline device's queued creates):
 * ONE statement advances the family seq by their number, inserts the entries with consecutive
 * seqs and appends one activity.created event each. Every entry's fields are stamped with its
 * op's hlc. Any duplicate id fails the whole statement (nothing is written); the caller then
 * applies the entries one by one.
 */
export async function insertActivities(
  client: Tx | typeof db,
  { actor, familyId, items }: { actor: Actor; familyId: string; items: { data: CreateActivityInput & { id: string }; hlc: string }[] },
): Promise<{ activities: ActivityDto[]; events: FamilyEvent[] }> {
  if (items.length === 0) return { activities: [], events: [] };
  const now = new Date().toISOString();
  const activities = items.map(({ data }) => newActivityDto({ actor, familyId, data, now }));
  const rows = activities.map((a, i) => ({
    ord: i + 1,
    id: a.id,
    childId: a.childId,
    type: a.type,
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    details: a.details,
    notes: a.notes,
    clocks: Object.fromEntries(Object.keys(createWrites(a)).map((path) => [path, items[i].hlc])),
    dto: a,
  }));
  const k = items.length;
  const result = await client.$queryRaw<{ seq: bigint }[]>`
    WITH fam AS (
      UPDATE "Family" SET seq = seq + ${k} WHERE id = ${familyId}::uuid RETURNING seq
    ), data AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(ord int, id uuid, "childId" uuid, type text, "startedAt" timestamptz, "endedAt" timestamptz, details jsonb, notes text, clocks jsonb, dto jsonb)
    ), ins AS (
      INSERT INTO "Activity" (id, "familyId", "childId", type, "startedAt", "endedAt", details, notes,
                              "createdById", "updatedById", version, seq, "fieldClocks", "createdAt", "updatedAt")
      SELECT d.id, ${familyId}::uuid, d."childId", d.type::"ActivityType", d."startedAt", d."endedAt", d.details, d.notes,
             ${actor.userId}::uuid, ${actor.userId}::uuid, 1, fam.seq - ${k} + d.ord, d.clocks, ${now}::timestamptz, ${now}::timestamptz
      FROM data d, fam
      RETURNING id, seq
    ), ev AS (
      INSERT INTO "FamilyEvent" ("familyId", seq, type, "actorId", payload, "createdAt")
      SELECT ${familyId}::uuid, ins.seq, 'activity.created', ${actor.userId}::uuid,
             jsonb_build_object('activity', jsonb_set(d.dto, '{seq}', to_jsonb(ins.seq))), ${now}::timestamptz
      FROM ins JOIN data d ON d.id = ins.id
    )
    SELECT seq FROM fam`;
  // No row: the family was deleted since access was checked.
  if (result.length === 0) throw new AppError("not_found:family");
  const head = Number(result[0].seq);
  const events: FamilyEvent[] = activities.map((activity, i) => {
    activity.seq = head - k + i + 1;
    return { type: "activity.created", familyId, seq: activity.seq, actorId: actor.userId, at: now, data: { activity } };
  });
  return { activities, events };
}

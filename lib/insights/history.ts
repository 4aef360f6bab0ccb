import { db } from "@/lib/db/client";
import type { EntryLike } from "@/lib/activities/summary";

export type HistoryEntry = EntryLike & { id: string; seq: number };

/**
 * A child's live entries that start in [from, to), oldest first, with only the columns the
 * analytics read: one indexed range scan (Activity(childId, startedAt, id)) whose rows PostgreSQL
 * hands over as one JSON array — one parse instead of a conversion per row and column, which
 * halves the time of a year's history (bench/analytics).
 */
export async function loadChildHistory({ childId, from, to }: { childId: string; from: Date; to: Date }): Promise<HistoryEntry[]> {
  const rows = await db.$queryRaw<{ entries: HistoryEntry[] | null }[]>`
    SELECT json_agg(json_build_object(
             'id', id, 'type', type, 'details', details, 'seq', seq,
             'startedAt', to_char("startedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'endedAt', to_char("endedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           ORDER BY "startedAt", id) AS entries
    FROM "Activity"
    WHERE "childId" = ${childId}::uuid AND "deletedAt" IS NULL AND "startedAt" >= ${from} AND "startedAt" < ${to}`;
  return rows[0]?.entries ?? [];
}

/** The family's current seq: what cached results are stamped with. */
export async function familySeqOf(familyId: string): Promise<number> {
  const rows = await db.$queryRaw<{ seq: bigint }[]>`SELECT seq FROM "Family" WHERE id = ${familyId}::uuid`;
  return rows[0] ? Number(rows[0].seq) : 0;
}

/** Live children with an entry that started in the last `days` days (the nightly job's work list). */
export async function childrenActiveSince(since: Date): Promise<{ familyId: string; childId: string }[]> {
  return db.$queryRaw<{ familyId: string; childId: string }[]>`
    SELECT c."familyId"::text AS "familyId", c.id::text AS "childId"
    FROM "Child" c
    WHERE c."deletedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Activity" a WHERE a."childId" = c.id AND a."deletedAt" IS NULL AND a."startedAt" >= ${since})`;
}

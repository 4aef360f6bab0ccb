import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireChildRole } from "@/lib/families/access";
import { scoreGrowthEntries } from "./measurements";
import type { ChildGrowth } from "./schema";

/** More growth entries than a child gets in five years of weekly weigh-ins. */
const MAX_MEASUREMENTS = 2000;

/**
 * A child's growth entries, oldest first, each with its WHO z-scores and percentiles. Any member
 * may read; another family's child is 404.
 */
export async function getChildGrowth({ actor, childId }: { actor: Actor; childId: string }): Promise<ChildGrowth> {
  const { child } = await requireChildRole({ actor, childId, atLeast: "viewer" });
  const rows = await db.activity.findMany({
    where: { childId, type: "growth", deletedAt: null },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: { id: true, startedAt: true, details: true },
    take: MAX_MEASUREMENTS,
  });
  const birthDate = child.birthDate.toISOString().slice(0, 10);
  const items = scoreGrowthEntries(
    { sex: child.sex, birthDate, gestationalAgeWeeks: child.gestationalAgeWeeks, timezone: child.timezone },
    rows.map((r) => ({ id: r.id, startedAt: r.startedAt.toISOString(), details: r.details as Record<string, unknown> })),
  );
  return {
    childId: child.id,
    sex: child.sex,
    birthDate,
    gestationalAgeWeeks: child.gestationalAgeWeeks,
    standard: "WHO Child Growth Standards 2006",
    items,
  };
}

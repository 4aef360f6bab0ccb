import type { Actor } from "@/lib/auth/actor";
import type { ActivityType } from "@/lib/activities/schema";
import { listActivitiesBetween } from "@/lib/activities/service";
import { requireChildRole } from "@/lib/families/access";
import { getChildGrowth } from "@/lib/growth/queries";
import type { GrowthMeasurement } from "@/lib/growth/schema";
import { getChildPredictions } from "@/lib/insights/service";
import { dayStartHourOf } from "@/lib/insights/summary";
import type { AnalyticsEntry } from "@/lib/analytics/types";
import type { Predictions } from "@/lib/analytics/predictions";

export type ChildInfo = {
  id: string;
  familyId: string;
  birthDate: string;
  timezone: string;
  sex: "female" | "male";
  gestationalAgeWeeks: number | null;
};

/** An entry as the assistant reads it (an ActivityDto fits). */
export type Entry = AnalyticsEntry & { notes?: string | null };

/**
 * What the assistant may read about one child: the answerer's data layer and the body of the
 * model's tools. Built per request from the actor; every call goes through a service that checks
 * the actor still sees the child, so it can never return another family's data.
 */
export type ChildData = {
  child: ChildInfo;
  now: Date;
  /** The user's day-start hour ("today" runs from it, in the child's zone). */
  dayStartHour: number;
  activities(query: { type?: ActivityType; from: Date; to: Date }): Promise<Entry[]>;
  predictions(): Promise<Predictions>;
  growth(): Promise<GrowthMeasurement[]>;
};

export async function createChildData({
  actor,
  childId,
  now = new Date(),
}: {
  actor: Actor;
  childId: string;
  now?: Date;
}): Promise<ChildData> {
  const { child } = await requireChildRole({ actor, childId, atLeast: "viewer" });
  const dayStartHour = await dayStartHourOf(actor.userId);
  return {
    child: {
      id: child.id,
      familyId: child.familyId,
      birthDate: child.birthDate.toISOString().slice(0, 10),
      timezone: child.timezone,
      sex: child.sex,
      gestationalAgeWeeks: child.gestationalAgeWeeks,
    },
    now,
    dayStartHour,
    async activities({ type, from, to }) {
      const rows = await listActivitiesBetween({ actor, childId, from, to });
      return type ? rows.filter((r) => r.type === type) : rows;
    },
    async predictions() {
      const p = await getChildPredictions({ actor, childId, now });
      return { nextFeed: p.nextFeed, nextSleep: p.nextSleep };
    },
    async growth() {
      return (await getChildGrowth({ actor, childId })).items;
    },
  };
}

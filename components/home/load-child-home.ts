import type { Actor } from "@/lib/auth/actor";
import type { ChildDto } from "@/lib/children/schema";
import type { UserDto } from "@/lib/users/schema";
import type { ActivityDto } from "@/lib/activities/schema";
import { listActivities, listActivitiesBetween } from "@/lib/activities/service";
import { summarizeChild } from "@/lib/activities/summary";
import { listTimers } from "@/lib/timers/service";

const RECENT_ENTRIES = 50;
/** The rhythm behind the suggestions looks back three days (lib/activities/summary.ts). */
const RHYTHM_MS = 3 * 86400_000;
/** Entries may be logged up to an hour ahead (clock skew); the window reaches past that. */
const AHEAD_MS = 61 * 60_000;

/** Everything the home screen shows for one child, read through the services. */
export async function loadChildHome({ actor, child, user }: { actor: Actor; child: ChildDto; user: UserDto }) {
  const now = new Date();
  const [recent, window, timers] = await Promise.all([
    listActivities({ actor, query: { childId: child.id, limit: RECENT_ENTRIES } }),
    listActivitiesBetween({ actor, childId: child.id, from: new Date(now.getTime() - RHYTHM_MS), to: new Date(now.getTime() + AHEAD_MS) }),
    listTimers({ actor, familyId: child.familyId }),
  ]);
  // The last few days for totals and rhythm, plus the newest entries for "time since" a rare kind.
  const byId = new Map<string, ActivityDto>();
  for (const entry of [...window, ...recent.items]) byId.set(entry.id, entry);
  const entries = [...byId.values()];
  const summary = summarizeChild({ entries, now, timeZone: child.timezone, dayStartHour: user.settings.dayStartHour });
  const openSleep = entries
    .filter((e) => e.type === "sleep" && e.endedAt === null)
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))[0];
  const lastMedication = entries
    .filter((e) => e.type === "medication")
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))[0];
  return {
    now: now.toISOString(),
    recent: recent.items,
    summary,
    timers: timers.filter((t) => t.childId === child.id),
    /** A sleep logged without a timer and not ended yet: "Wake up" ends that entry. */
    openSleep: summary.asleep && openSleep ? { id: openSleep.id, version: openSleep.version } : null,
    /** The last medicine given, to give again in one tap (vitamin D every morning). */
    lastMedication: lastMedication
      ? {
          name: String(lastMedication.details.name),
          dose: Number(lastMedication.details.dose),
          unit: String(lastMedication.details.unit),
        }
      : null,
  };
}

export type ChildHome = Awaited<ReturnType<typeof loadChildHome>>;

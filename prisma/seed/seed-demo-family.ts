import { db } from "@/lib/db/client";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { registerUser } from "@/lib/users/service";
import { acceptInvite, createInvite, deleteFamily, getFamily, listFamilies, renameFamily } from "@/lib/families/service";
import { createChild, listChildren } from "@/lib/children/service";
import { createActivity } from "@/lib/activities/service";
import { DEMO_CHILD, DEMO_FAMILY_NAME, DEMO_MEMBERS, DEMO_PASSWORD, type DemoMember } from "./demo-family";
import { demoTimeline } from "./timeline";

type Actors = Record<DemoMember, Actor>;

const DAY = 24 * 3600_000;
const CHUNK = 8;

/** Every write goes through the services; reads only find what an earlier run already made. */
async function ensureMembers(): Promise<Actors> {
  const actors = {} as Actors;
  for (const [key, member] of Object.entries(DEMO_MEMBERS) as [DemoMember, (typeof DEMO_MEMBERS)[DemoMember]][]) {
    const existing = await db.user.findUnique({ where: { email: member.email }, select: { id: true } });
    const userId =
      existing?.id ??
      (await registerUser({ input: { email: member.email, password: DEMO_PASSWORD, name: member.name, locale: member.locale } })).user.id;
    actors[key] = systemActor(userId);
  }
  return actors;
}

/** Alex's family: the one already renamed by a finished seed, else the one registration made. */
async function findFamily(alex: Actor) {
  const owned = (await listFamilies({ actor: alex })).filter((f) => f.role === "owner");
  return owned.find((f) => f.name === DEMO_FAMILY_NAME) ?? owned[0];
}

/** Sam and Rosa join through invites; the empty families their registration made go away. */
async function joinFamily(actors: Actors, familyId: string) {
  const { members } = await getFamily({ actor: actors.alex, familyId });
  for (const key of ["sam", "rosa"] as const) {
    const member = DEMO_MEMBERS[key];
    if (!members.some((m) => m.userId === actors[key].userId)) {
      const invite = await createInvite({ actor: actors.alex, familyId, input: { role: member.role, email: member.email } });
      await acceptInvite({ actor: actors[key], code: invite.code });
    }
    for (const family of await listFamilies({ actor: actors[key] })) {
      if (family.id === familyId || family.role !== "owner") continue;
      if ((await listChildren({ actor: actors[key], familyId: family.id })).length === 0) {
        await deleteFamily({ actor: actors[key], familyId: family.id });
      }
    }
  }
}

async function ensureChild(alex: Actor, familyId: string) {
  const existing = (await listChildren({ actor: alex, familyId })).find((c) => c.name === DEMO_CHILD.name);
  if (existing) return existing;
  return createChild({
    actor: alex,
    input: {
      familyId,
      name: DEMO_CHILD.name,
      birthDate: new Date(Date.now() - DEMO_CHILD.ageDays * DAY).toISOString().slice(0, 10),
      sex: DEMO_CHILD.sex,
      timezone: DEMO_CHILD.timezone,
      gestationalAgeWeeks: DEMO_CHILD.gestationalAgeWeeks,
    },
  });
}

/**
 * The entries end when the child was created, so a later run regenerates exactly the same
 * entries and ids; only the missing ones are created.
 */
async function logEntries(actors: Actors, child: Awaited<ReturnType<typeof ensureChild>>) {
  const entries = demoTimeline({
    childId: child.id,
    birth: Date.parse(`${child.birthDate}T00:00:00Z`),
    end: Date.parse(child.createdAt),
    timezone: child.timezone,
  });
  const stored = await db.activity.findMany({ where: { id: { in: entries.map((e) => e.input.id) } }, select: { id: true } });
  const have = new Set(stored.map((s) => s.id));
  const missing = entries.filter((e) => !have.has(e.input.id));
  // One family, one seq row lock: modest chunks keep the pool busy without queueing on the lock.
  for (let i = 0; i < missing.length; i += CHUNK) {
    await Promise.all(missing.slice(i, i + CHUNK).map((e) => createActivity({ actor: actors[e.by], input: e.input })));
  }
  return { total: entries.length, created: missing.length };
}

export type SeedResult =
  | { status: "exists"; familyId: string }
  | { status: "seeded"; familyId: string; childId: string; entries: { total: number; created: number } };

/**
 * Seeds the demo family: two parents and a caregiver, one baby, two weeks of entries. Safe to
 * re-run: it finishes an interrupted seed and never duplicates. With `ifMissing`, a finished
 * demo family (renamed as the last step) is left alone.
 */
export async function seedDemoFamily({ ifMissing = false }: { ifMissing?: boolean } = {}): Promise<SeedResult> {
  const actors = await ensureMembers();
  const family = await findFamily(actors.alex);
  if (!family) throw new Error(`${DEMO_MEMBERS.alex.email} owns no family; delete that user or use a fresh database`);
  if (ifMissing && family.name === DEMO_FAMILY_NAME) return { status: "exists", familyId: family.id };
  await joinFamily(actors, family.id);
  const child = await ensureChild(actors.alex, family.id);
  const entries = await logEntries(actors, child);
  if (family.name !== DEMO_FAMILY_NAME) await renameFamily({ actor: actors.alex, familyId: family.id, input: { name: DEMO_FAMILY_NAME } });
  return { status: "seeded", familyId: family.id, childId: child.id, entries };
}

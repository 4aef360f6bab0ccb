import type { CreateActivityInput } from "@/lib/activities/schema";
import type { DemoMember } from "./demo-family";
import { seededRandom, stableUuid, type Random } from "./random";

export type DemoEntry = { by: DemoMember; input: CreateActivityInput & { id: string } };

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

type Side = "left" | "right";
const otherSide = (side: Side): Side => (side === "left" ? "right" : "left");
const roundTo = (value: number, step: number) => Math.round(value / step) * step;

function localClock(timeZone: string) {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return (t: number) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    return { hour: Number(parts.hour) + Number(parts.minute) / 60, weekday: parts.weekday, date: `${parts.month}/${parts.day}` };
  };
}

/**
 * Two weeks in the life of a 4–6-week-old, ending at `end`: feeds every 2.5–3.5 h by day and
 * 3–4 h by night (breast, alternating sides, or bottles that grow with age), sleep until the next
 * feed after an age-appropriate wake window, 6–10 diapers a day, a pumping session most
 * mornings, weekly weigh-ins, vitamin D now and then, a few tummy-time sessions and one
 * temperature check. The same child, birth date and `end` always give the same entries and ids.
 */
export function demoTimeline({
  childId,
  birth,
  end,
  timezone,
}: {
  childId: string;
  birth: number;
  end: number;
  timezone: string;
}): DemoEntry[] {
  const rnd = seededRandom(0x6e657374);
  const clock = localClock(timezone);
  const start = end - 14 * DAY;
  const entries: DemoEntry[] = [];
  let counter = 0;

  const add = (by: DemoMember, type: CreateActivityInput["type"], at: number, until: number | null, details: object, notes?: string) => {
    const id = stableUuid(`${childId}:${counter++}`);
    if ((until ?? at) > end) return;
    const input = {
      id,
      childId,
      type,
      startedAt: new Date(Math.round(at / 1000) * 1000).toISOString(),
      endedAt: until === null ? null : new Date(Math.round(until / 1000) * 1000).toISOString(),
      details,
      ...(notes && { notes }),
    } as DemoEntry["input"];
    entries.push({ by, input });
  };

  let t = start + rnd.between(0.3, 1.5) * HOUR;
  let lastSide: Side = "right";
  let woke = start;
  const done = new Set<string>();
  const once = (key: string) => !done.has(key) && done.add(key) !== undefined;
  // 6–10 diapers a day: a change is skipped at 10, and one is added when the day falls behind.
  const diapersOn = new Map<string, number>();
  const behind = (at: number) => {
    const { date, hour } = clock(at);
    return (diapersOn.get(date) ?? 0) < Math.ceil((hour / 24) * 8) - 1;
  };
  const changeDiaper = (by: DemoMember, at: number, night: boolean) => {
    const { date } = clock(at);
    const count = diapersOn.get(date) ?? 0;
    if (count >= 10) return;
    diapersOn.set(date, count + 1);
    diaper(rnd, add, by, at, night);
  };

  while (t < end) {
    const { hour, weekday } = clock(t);
    const day = Math.floor((t - start) / DAY);
    const age = (t - birth) / DAY;
    const night = hour >= 21 || hour < 6.5;
    const rosaHere = ["Mon", "Wed", "Thu"].includes(weekday) && hour >= 9 && hour < 17;
    // Nights (and the odd chores) alternate between the parents; by day whoever is around logs.
    const dutyParent: DemoMember = Math.floor((t - birth + 12 * HOUR) / DAY) % 2 ? "sam" : "alex";
    const helper = (): DemoMember => (rosaHere ? "rosa" : night ? dutyParent : rnd.pick(["alex", "sam"] as const));

    if (night && (behind(t) || rnd.chance(0.6))) changeDiaper(helper(), Math.max(woke + MIN, t - rnd.between(3, 8) * MIN), true);

    let feedEnd: number;
    if (rnd.chance(night ? 0.8 : rosaHere ? 0.35 : 0.65)) {
      // Start on the side the last feed finished on (the fuller one), so lastSide alternates.
      const both = rnd.chance(0.6);
      const first: Side = both ? lastSide : otherSide(lastSide);
      const firstSeconds = roundTo(rnd.between(8, 17) * 60, 5);
      const secondSeconds = both ? roundTo(rnd.between(4, 13) * 60, 5) : 0;
      lastSide = both ? otherSide(first) : first;
      const seconds = { [first]: firstSeconds, ...(both && { [otherSide(first)]: secondSeconds }) } as Record<Side, number>;
      feedEnd = t + (firstSeconds + secondSeconds) * 1000 + (both ? rnd.between(1, 3) * MIN : 0);
      add(rnd.chance(0.75) ? "alex" : "sam", "feeding", t, feedEnd, {
        method: "breast",
        ...(seconds.left !== undefined && { leftSeconds: seconds.left }),
        ...(seconds.right !== undefined && { rightSeconds: seconds.right }),
        lastSide,
      });
    } else {
      const amountMl = Math.min(150, Math.max(90, roundTo(90 + ((age - 28) / 14) * 45 + rnd.between(-15, 15), 5)));
      const milk = rosaHere || rnd.chance(0.5) ? "breast_milk" : rnd.pick(["formula", "mixed"] as const);
      feedEnd = t + rnd.between(10, 22) * MIN;
      add(rosaHere ? "rosa" : rnd.chance(0.6) ? "sam" : "alex", "feeding", t, feedEnd, { method: "bottle", amountMl, milk });
    }

    if (!night) changeDiaper(helper(), feedEnd + rnd.between(2, 6) * MIN, false);

    if (!night && hour >= 7 && hour < 11.5 && once(`pump:${day}`) && rnd.chance(0.85)) {
      const at = feedEnd + rnd.between(10, 25) * MIN;
      add("alex", "pumping", at, at + rnd.between(14, 20) * MIN, {
        leftMl: roundTo(rnd.between(40, 95), 5),
        rightMl: roundTo(rnd.between(35, 90), 5),
      });
    }
    if (!night && hour >= 7 && hour < 12 && once(`vitd:${day}`) && rnd.chance(0.3)) {
      add(rnd.pick(["alex", "sam"] as const), "medication", feedEnd + rnd.between(1, 5) * MIN, null, {
        name: "Vitamin D",
        dose: 400,
        unit: "iu",
      });
    }
    if (day === 9 && hour >= 13 && hour < 18 && once("temperature")) {
      add(
        dutyParent,
        "temperature",
        feedEnd + 20 * MIN,
        null,
        { celsius: 37.3, method: "axillary" },
        "Felt warm after a nap in the sling; fine an hour later.",
      );
    }

    // Awake after a feed: a short settle at night; by day a wake window that grows with age.
    const wakeWindow = night ? 0 : rnd.between(45 + (age - 28) * 0.7, 60 + (age - 28) * 1.4) * MIN;
    const sleepStart = Math.max(feedEnd + rnd.between(5, 15) * MIN, t + wakeWindow);
    if (!night && hour >= 9 && hour < 18 && rnd.chance(0.15)) {
      const at = feedEnd + rnd.between(8, 20) * MIN;
      if (at + 6 * MIN < sleepStart) add(helper(), "tummy_time", at, at + roundTo(rnd.between(2, 6), 1) * MIN, {});
    }
    if (!night && sleepStart - feedEnd > 30 * MIN && (behind(sleepStart) || rnd.chance(0.25))) {
      changeDiaper(helper(), sleepStart - rnd.between(5, 15) * MIN, false);
    }
    if (rosaHere && day >= 5 && once("rosa-note")) {
      add("rosa", "note", feedEnd + 30 * MIN, null, { text: "Paseo por el parque: durmió toda la siesta en el cochecito." });
    }
    if (day === 12 && hour >= 8 && hour < 12 && once("smile")) {
      add("sam", "note", t + 10 * MIN, null, { text: "First real smile, during the morning nappy change!" });
    }

    const bedtime = hour >= 19.5 && hour < 22;
    const interval = (bedtime ? rnd.between(3.5, 4.5) : night ? rnd.between(3, 4) : rnd.between(2.5, 3.5)) * HOUR;
    const next = t + interval;
    const wakes = next - rnd.between(2, 12) * MIN;
    if (wakes - sleepStart > 20 * MIN) {
      const location =
        night || bedtime ? rnd.pick(["cot", "Moses basket"]) : rnd.pick(["Moses basket", "pram", "sling", "contact nap", "car seat"]);
      const quality = rnd.pick(["good", "good", "good", "fair", "fair", "poor"] as const);
      add(night || bedtime ? dutyParent : helper(), "sleep", sleepStart, wakes, { location, quality });
    }
    woke = wakes;
    t = next;
  }

  growth(rnd, add, { end, birth, clock });
  return entries;
}

type Add = (by: DemoMember, type: CreateActivityInput["type"], at: number, until: number | null, details: object, notes?: string) => void;

function diaper(rnd: Random, add: Add, by: DemoMember, at: number, night: boolean) {
  const dirty = rnd.chance(night ? 0.25 : 0.4);
  const wet = !dirty || rnd.chance(0.85);
  add(by, "diaper", at, null, {
    wet,
    dirty,
    ...(dirty && { color: rnd.pick(["yellow", "yellow", "yellow", "yellow", "yellow", "green", "brown"] as const) }),
    ...(dirty && { consistency: rnd.pick(["runny", "mushy", "mushy", "soft"] as const) }),
    ...(rnd.chance(0.03) && { rash: true }),
  });
}

/** Weekly weigh-ins at 10:30 local, the last one on the latest morning: ~30 g a day from ~3.6 kg. */
function growth(rnd: Random, add: Add, { end, birth, clock }: { end: number; birth: number; clock: ReturnType<typeof localClock> }) {
  let last = end - (clock(end).hour - 10.5) * HOUR;
  if (last > end) last -= DAY;
  for (const weeksAgo of [2, 1, 0]) {
    const at = last - weeksAgo * 7 * DAY;
    const age = (at - birth) / DAY;
    add(
      "sam",
      "growth",
      at,
      null,
      {
        weightGrams: Math.round(3600 + 30 * (age - 28) + rnd.between(-25, 25)),
        lengthMm: roundTo(535 + 1.1 * (age - 28) + rnd.between(-2, 2), 1),
        headMm: roundTo(366 + 0.45 * (age - 28) + rnd.between(-1, 1), 1),
      },
      weeksAgo === 2 ? "Weighed at the baby clinic." : undefined,
    );
  }
}

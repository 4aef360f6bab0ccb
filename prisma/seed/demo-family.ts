/**
 * Who the demo family is. Plain data with no imports, so `scripts/demo.ts` can print the
 * sign-ins without loading the database client.
 */
export const DEMO_PASSWORD = "nestling-demo";

export const DEMO_MEMBERS = {
  alex: { email: "alex@demo.nestling.app", name: "Alex", role: "owner", locale: "en" },
  sam: { email: "sam@demo.nestling.app", name: "Sam", role: "parent", locale: "en" },
  rosa: { email: "rosa@demo.nestling.app", name: "Rosa", role: "caregiver", locale: "es" },
} as const;

export type DemoMember = keyof typeof DEMO_MEMBERS;

/** Renamed to this as the seed's last step, so the name also says "the seed completed". */
export const DEMO_FAMILY_NAME = "The Demo Family";

export const DEMO_CHILD = {
  name: "Mia",
  sex: "female",
  timezone: "Europe/London",
  gestationalAgeWeeks: 39,
  /** Age on the day of seeding; the entries cover the last two weeks before it. */
  ageDays: 42,
  loggedDays: 14,
} as const;

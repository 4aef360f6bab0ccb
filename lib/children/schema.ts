import { z } from "zod";

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const birthDate = z.iso.date().refine(
  (d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return t <= Date.now() + 24 * 3600_000 && t >= Date.parse("1990-01-01T00:00:00Z");
  },
  { params: { i18n: "invalid" } },
);

const timezone = z
  .string()
  .max(64)
  .refine(isTimeZone, { params: { i18n: "invalid_timezone" } });

export const createChildSchema = z
  .object({
    familyId: z.uuid(),
    name: z.string().trim().min(1).max(60),
    birthDate,
    sex: z.enum(["female", "male"]),
    timezone: timezone.optional(),
    gestationalAgeWeeks: z.number().int().min(22).max(44).nullable().optional(),
  })
  .strict();

export const updateChildSchema = createChildSchema
  .omit({ familyId: true })
  .partial()
  .extend({ version: z.number().int().positive().optional() })
  .strict();

export const childSchema = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  name: z.string(),
  birthDate: z.iso.date(),
  sex: z.enum(["female", "male"]),
  timezone: z.string(),
  gestationalAgeWeeks: z.number().int().nullable(),
  version: z.number().int(),
  seq: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type ChildDto = z.infer<typeof childSchema>;

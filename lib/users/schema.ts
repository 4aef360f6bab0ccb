import { z } from "zod";
import { locales } from "@/lib/i18n/config";

const email = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());
const password = z
  .string()
  .max(256)
  .refine((p) => p.length >= 8, { params: { i18n: "weak_password" } });

export const registerSchema = z
  .object({ email, password, name: z.string().trim().min(1).max(80), locale: z.enum(locales).optional() })
  .strict();

export const credentialsSchema = z
  .object({ email, password: z.string().min(1).max(256), label: z.string().trim().min(1).max(80).optional() })
  .strict();

export const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: password }).strict();

export const settingsSchema = z
  .object({
    locale: z.enum(locales),
    units: z.enum(["metric", "imperial"]),
    dayStartHour: z.number().int().min(0).max(23),
    theme: z.enum(["system", "light", "dark"]),
  })
  .strict();

export const updateMeSchema = z
  .object({ name: z.string().trim().min(1).max(80).optional(), settings: settingsSchema.partial().optional() })
  .strict();

export const createTokenSchema = z.object({ label: z.string().trim().min(1).max(80) }).strict();

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  settings: settingsSchema,
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userSchema>;

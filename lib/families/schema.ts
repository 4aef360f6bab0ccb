import { z } from "zod";
import { roles } from "@/lib/auth/roles";

export const roleSchema = z.enum(roles);

export const createFamilySchema = z.object({ name: z.string().trim().min(1).max(80) }).strict();
export const updateFamilySchema = createFamilySchema;

export const createInviteSchema = z
  .object({
    role: roleSchema,
    email: z.email().max(254).optional(),
    expiresInHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .optional(),
  })
  .strict();

export const changeRoleSchema = z.object({ role: roleSchema }).strict();

export const inviteCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const memberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});

export const familySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  seq: z.number().int(),
  role: roleSchema,
  members: z.array(memberSchema),
  createdAt: z.string(),
});

export const inviteSchema = z.object({
  code: z.string(),
  url: z.string(),
  role: roleSchema,
  expiresAt: z.string(),
});

export type CreateInviteInput = z.infer<typeof createInviteSchema>;

import { db, Prisma, type User, type UserSettings } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { forgetTokens, generateToken, hashToken } from "@/lib/auth/tokens";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { recordAuthEvent, type RequestMeta } from "@/lib/auth/audit";
import { verifyCredentials } from "@/lib/auth/credentials";
import { toFamilyDto } from "@/lib/families/service";
import { listFamilies } from "@/lib/families/service";
import { serverTranslator } from "@/lib/i18n/messages";
import { changePasswordSchema, createTokenSchema, credentialsSchema, registerSchema, updateMeSchema, type UserDto } from "./schema";

export function toUserDto(user: User & { settings: UserSettings | null }): UserDto {
  const s = user.settings;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    settings: {
      locale: (s?.locale ?? "en") as UserDto["settings"]["locale"],
      units: s?.units ?? "metric",
      dayStartHour: s?.dayStartHour ?? 6,
      theme: s?.theme ?? "system",
    },
    createdAt: user.createdAt.toISOString(),
  };
}

/**
 * Creates an account with its first family (the user owns it). With `issueToken` a personal
 * access token is returned too, for API clients that register.
 */
export async function registerUser({ input, meta, issueToken = false }: { input: unknown; meta?: RequestMeta; issueToken?: boolean }) {
  const data = parseInput(registerSchema, input, "user");
  const passwordHash = await hashPassword(data.password);
  const token = issueToken ? generateToken() : null;
  try {
    const user = await db.user.create({
      data: {
        email: data.email,
        name: data.name,
        passwordHash,
        settings: { create: { locale: data.locale ?? "en" } },
        memberships: {
          create: {
            role: "owner",
            family: { create: { name: serverTranslator(data.locale ?? "en", "families")("defaultName", { name: data.name }) } },
          },
        },
        ...(token && { tokens: { create: { label: "registration", tokenHash: hashToken(token) } } }),
      },
      include: { settings: true, memberships: { include: { family: { include: { memberships: { include: { user: true } } } } } } },
    });
    await recordAuthEvent({ type: "register", userId: user.id, email: user.email, meta });
    const family = user.memberships[0].family;
    return { user: toUserDto(user), family: toFamilyDto(family, "owner"), token };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict:email", { fields: { email: { key: "email_taken" } } });
    }
    throw error;
  }
}

export async function getMe({ actor }: { actor: Actor }) {
  const user = await db.user.findUnique({ where: { id: actor.userId }, include: { settings: true } });
  if (!user) throw new AppError("unauthorized:session");
  return { user: toUserDto(user), families: await listFamilies({ actor }) };
}

export async function updateMe({ actor, input }: { actor: Actor; input: unknown }) {
  const data = parseInput(updateMeSchema, input, "user");
  await db.user.update({
    where: { id: actor.userId },
    data: {
      name: data.name,
      ...(data.settings && { settings: { upsert: { create: data.settings, update: data.settings } } }),
    },
  });
  return getMe({ actor });
}

/** Changes the password and revokes every other session and every access token. */
export async function changePassword({ actor, input, meta }: { actor: Actor; input: unknown; meta?: RequestMeta }) {
  const data = parseInput(changePasswordSchema, input, "user");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new AppError("bad_request:user", { fields: { currentPassword: { key: "invalid" } } });
  }
  // Every other token goes; the one making this request (if any) stays usable.
  const doomed = { userId: user.id, revokedAt: null, ...(actor.tokenId && { NOT: { id: actor.tokenId } }) };
  const hashes = (await db.accessToken.findMany({ where: doomed, select: { tokenHash: true } })).map((t) => t.tokenHash);
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(data.newPassword), passwordChangedAt: new Date() } }),
    db.accessToken.updateMany({ where: doomed, data: { revokedAt: new Date() } }),
  ]);
  await forgetTokens(hashes);
  await revokeUserSessions(user.id, actor.sessionId);
  await recordAuthEvent({ type: "password_changed", userId: user.id, email: user.email, meta });
}

/** Exchanges email + password for a personal access token (shown once, stored hashed). */
export async function issueAccessToken({ input, meta }: { input: unknown; meta?: RequestMeta }) {
  const data = parseInput(credentialsSchema, input, "token");
  const user = await verifyCredentials({ email: data.email, password: data.password, meta });
  return createAccessToken({ actor: { userId: user.id, via: "system" }, input: { label: data.label ?? "api" }, meta });
}

export async function createAccessToken({ actor, input, meta }: { actor: Actor; input: unknown; meta?: RequestMeta }) {
  const data = parseInput(createTokenSchema, input, "token");
  const token = generateToken();
  const row = await db.accessToken.create({ data: { userId: actor.userId, label: data.label, tokenHash: hashToken(token) } });
  await recordAuthEvent({ type: "token_created", userId: actor.userId, meta, detail: { tokenId: row.id, label: data.label } });
  return { token, id: row.id, label: row.label, createdAt: row.createdAt.toISOString() };
}

export async function listAccessTokens({ actor }: { actor: Actor }) {
  const rows = await db.accessToken.findMany({ where: { userId: actor.userId, revokedAt: null }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function revokeAccessToken({ actor, id, meta }: { actor: Actor; id: string; meta?: RequestMeta }) {
  const token = await db.accessToken.findFirst({ where: { id, userId: actor.userId, revokedAt: null }, select: { tokenHash: true } });
  const { count } = await db.accessToken.updateMany({
    where: { id, userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0 || !token) throw new AppError("not_found:token");
  await forgetTokens([token.tokenHash]);
  await recordAuthEvent({ type: "token_revoked", userId: actor.userId, meta, detail: { tokenId: id } });
}

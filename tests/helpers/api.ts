import { randomUUID } from "node:crypto";

export const BASE_URL = process.env.TEST_BASE_URL ?? "http://127.0.0.1:3000";

/** Whatever JSON the server sent: tests read it through assertions, not through types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export type ApiResponse<T = Json> = { status: number; body: T; headers: Headers };

/** A tiny JSON client for the REST API; each test gets its own IP so rate limits never collide. */
export function api(token?: string, options: { ip?: string; locale?: string } = {}) {
  const ip = options.ip ?? `10.${rand()}.${rand()}.${rand()}`;
  async function call<T = Json>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${BASE_URL}${path}`, {
      method,
      headers: {
        "x-forwarded-for": ip,
        ...(options.locale && { "accept-language": options.locale }),
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Json = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }
  return {
    get: <T = Json>(path: string, headers?: Record<string, string>) => call<T>("GET", path, undefined, headers),
    post: <T = Json>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>("POST", path, body ?? {}, headers),
    patch: <T = Json>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>("PATCH", path, body ?? {}, headers),
    delete: <T = Json>(path: string, headers?: Record<string, string>) => call<T>("DELETE", path, undefined, headers),
    raw: call,
  };
}

function rand() {
  return Math.floor(Math.random() * 250) + 1;
}

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export type Account = { token: string; userId: string; familyId: string; email: string; password: string; name: string };

/** Registers a fresh user (with their own family) through the API. */
export async function registerAccount(name = "Parent"): Promise<Account> {
  const email = uniqueEmail(name.toLowerCase());
  const password = "correct horse battery";
  const res = await api().post("/api/v1/auth/register", { email, password, name });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token, userId: res.body.user.id, familyId: res.body.family.id, email, password, name };
}

/** Adds `member` to `owner`'s family with `role` through an invite. */
export async function joinFamily(owner: Account, member: Account, role: "owner" | "parent" | "caregiver" | "viewer") {
  const invite = await api(owner.token).post(`/api/v1/families/${owner.familyId}/invites`, { role });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const accepted = await api(member.token).post(`/api/v1/invites/${invite.body.code}/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
}

export async function createChild(account: Account, overrides: Record<string, unknown> = {}) {
  const res = await api(account.token).post("/api/v1/children", {
    familyId: account.familyId,
    name: "Eva",
    birthDate: new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10),
    sex: "female",
    timezone: "Europe/Madrid",
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`child failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.child as { id: string; familyId: string; name: string };
}

export function minutesAgo(minutes: number) {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

export function bottle(childId: string, extra: Record<string, unknown> = {}) {
  return { childId, type: "feeding", startedAt: minutesAgo(30), details: { method: "bottle", amountMl: 120, milk: "formula" }, ...extra };
}

/** Registers a fresh account and adds it to `owner`'s family with `role`. */
export async function memberOf(owner: Account, role: "owner" | "parent" | "caregiver" | "viewer", name: string = role): Promise<Account> {
  const member = await registerAccount(name.charAt(0).toUpperCase() + name.slice(1));
  await joinFamily(owner, member, role);
  return member;
}

/** One plausible entry of every activity type, in SI units. */
export function sampleActivities(childId: string) {
  const at = (m: number) => ({ childId, startedAt: minutesAgo(m) });
  return [
    { ...at(200), type: "feeding", details: { method: "breast", leftSeconds: 600, rightSeconds: 420, lastSide: "right" } },
    { ...at(190), type: "feeding", details: { method: "bottle", amountMl: 120, milk: "formula" } },
    { ...at(180), type: "feeding", details: { method: "solids", foods: ["carrot", "apple"], amountG: 40, reaction: "liked" } },
    { ...at(170), endedAt: minutesAgo(100), type: "sleep", details: { location: "crib", quality: "good" } },
    { ...at(95), type: "diaper", details: { wet: true, dirty: true, color: "yellow", consistency: "soft" } },
    { ...at(90), type: "growth", details: { weightGrams: 4200, lengthMm: 540, headMm: 370 } },
    { ...at(80), type: "pumping", details: { leftMl: 60, rightMl: 55 } },
    { ...at(70), type: "medication", details: { name: "Vitamin D", dose: 1, unit: "drops" } },
    { ...at(60), type: "temperature", details: { celsius: 37.1, method: "axillary" } },
    { ...at(50), endedAt: minutesAgo(45), type: "tummy_time", details: {} },
    { ...at(40), type: "note", details: { text: "First smile" }, notes: "at grandma's" },
  ];
}

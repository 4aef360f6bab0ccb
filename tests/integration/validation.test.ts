import { beforeAll, describe, expect, it } from "vitest";
import { api, bottle, createChild, minutesAgo, registerAccount, type Account, type ApiResponse } from "../helpers/api";
import { familyState, userState } from "../helpers/db";

/** Asserts a 400 that names `field` with a translated message. */
function expectFieldError(res: ApiResponse, field: string, context: string) {
  expect(res.status, `${context}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body.error.code, context).toMatch(/^bad_request:/);
  expect(Object.keys(res.body.error.fields ?? {}), context).toContain(field);
  expect(typeof res.body.error.fields[field]).toBe("string");
  expect(res.body.error.fields[field].length).toBeGreaterThan(0);
}

/** Another access token of the same account: each token has its own rate-limit budget. */
async function freshToken(account: Account): Promise<string> {
  const res = await api().post("/api/v1/auth/token", { email: account.email, password: account.password });
  expect(res.status).toBe(201);
  return res.body.token;
}

const inAnHour = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe("activity input", () => {
  let owner: Account;
  let childId: string;
  beforeAll(async () => {
    owner = await registerAccount();
    childId = (await createChild(owner)).id;
  });

  const feeding = (details: Record<string, unknown>) => ({ details: { method: "bottle", amountMl: 120, milk: "formula", ...details } });
  const cases: [string, (childId: string) => Record<string, unknown>, string][] = [
    ["unknown type", (id) => bottle(id, { type: "bath" }), "type"],
    ["missing type", (id) => ({ childId: id, startedAt: minutesAgo(5), details: {} }), "type"],
    ["unknown feeding method", (id) => bottle(id, { details: { method: "spoon" } }), "details.method"],
    ["5 l bottle", (id) => bottle(id, feeding({ amountMl: 5000 })), "details.amountMl"],
    ["negative bottle", (id) => bottle(id, feeding({ amountMl: -30 })), "details.amountMl"],
    ["zero bottle", (id) => bottle(id, feeding({ amountMl: 0 })), "details.amountMl"],
    ["bottle in ounces", (id) => bottle(id, feeding({ amountMl: undefined, amountOz: 4 })), "details"],
    ["bottle amount as text", (id) => bottle(id, feeding({ amountMl: "120ml" })), "details.amountMl"],
    ["unknown milk", (id) => bottle(id, feeding({ milk: "cola" })), "details.milk"],
    [
      "60 kg baby",
      (id) => ({ childId: id, type: "growth", startedAt: minutesAgo(5), details: { weightGrams: 60_000 } }),
      "details.weightGrams",
    ],
    [
      "weight in kg",
      (id) => ({ childId: id, type: "growth", startedAt: minutesAgo(5), details: { weightGrams: 4.2 } }),
      "details.weightGrams",
    ],
    ["3 m long baby", (id) => ({ childId: id, type: "growth", startedAt: minutesAgo(5), details: { lengthMm: 3000 } }), "details.lengthMm"],
    ["growth without measures", (id) => ({ childId: id, type: "growth", startedAt: minutesAgo(5), details: {} }), "details"],
    [
      "temperature in °F",
      (id) => ({ childId: id, type: "temperature", startedAt: minutesAgo(5), details: { celsius: 99.5 } }),
      "details.celsius",
    ],
    ["negative pumping", (id) => ({ childId: id, type: "pumping", startedAt: minutesAgo(5), details: { leftMl: -1 } }), "details.leftMl"],
    ["5 h on one breast", (id) => bottle(id, { details: { method: "breast", leftSeconds: 5 * 3600 } }), "details.leftSeconds"],
    [
      "unknown medication unit",
      (id) => ({ childId: id, type: "medication", startedAt: minutesAgo(5), details: { name: "X", dose: 1, unit: "spoonful" } }),
      "details.unit",
    ],
    [
      "absurd dose",
      (id) => ({ childId: id, type: "medication", startedAt: minutesAgo(5), details: { name: "X", dose: 1e9, unit: "mg" } }),
      "details.dose",
    ],
    ["diaper without wet", (id) => ({ childId: id, type: "diaper", startedAt: minutesAgo(5), details: { dirty: true } }), "details.wet"],
    [
      "note too long",
      (id) => ({ childId: id, type: "note", startedAt: minutesAgo(5), details: { text: "x".repeat(2001) } }),
      "details.text",
    ],
    ["empty note", (id) => ({ childId: id, type: "note", startedAt: minutesAgo(5), details: { text: "  " } }), "details.text"],
    ["notes too long", (id) => bottle(id, { notes: "x".repeat(2001) }), "notes"],
    [
      "medication name too long",
      (id) => ({ childId: id, type: "medication", startedAt: minutesAgo(5), details: { name: "x".repeat(81), dose: 1, unit: "mg" } }),
      "details.name",
    ],
    [
      "too many foods",
      (id) => bottle(id, { details: { method: "solids", foods: Array.from({ length: 21 }, () => "pea") } }),
      "details.foods",
    ],
    ["food name too long", (id) => bottle(id, { details: { method: "solids", foods: ["x".repeat(61)] } }), "details.foods.0"],
    ["endedAt before startedAt", (id) => bottle(id, { startedAt: minutesAgo(10), endedAt: minutesAgo(20) }), "endedAt"],
    ["longer than a day", (id) => bottle(id, { startedAt: minutesAgo(26 * 60), endedAt: minutesAgo(60) }), "endedAt"],
    ["starts in the far future", (id) => bottle(id, { startedAt: "2100-01-01T00:00:00Z" }), "startedAt"],
    ["starts tomorrow", (id) => bottle(id, { startedAt: inAnHour(24 * 60) }), "startedAt"],
    ["ends in the future", (id) => bottle(id, { startedAt: minutesAgo(5), endedAt: inAnHour(180) }), "endedAt"],
    ["not a timestamp", (id) => bottle(id, { startedAt: "last tuesday" }), "startedAt"],
    ["timestamp without zone", (id) => bottle(id, { startedAt: "2026-01-01T10:00:00" }), "startedAt"],
    ["year 0", (id) => bottle(id, { startedAt: "0000-01-01T00:00:00Z" }), "startedAt"],
    ["before birth", (id) => bottle(id, { startedAt: "2001-01-01T00:00:00Z" }), "startedAt"],
    ["missing startedAt", (id) => bottle(id, { startedAt: undefined }), "startedAt"],
    ["childId not a uuid", () => bottle("child-1"), "childId"],
    ["missing childId", () => bottle(undefined as unknown as string), "childId"],
    ["client id not a uuid", (id) => bottle(id, { id: "1" }), "id"],
    ["unknown field", (id) => bottle(id, { createdById: id }), "body"],
    ["details of another type", (id) => bottle(id, { type: "diaper" }), "details.wet"],
    ["notes of the wrong type", (id) => bottle(id, { notes: 42 }), "notes"],
  ];

  it("each invalid field answers 400 naming it, and nothing is stored", async () => {
    const before = await familyState(owner.familyId);
    const client = api(owner.token);
    for (const [name, build, field] of cases) {
      expectFieldError(await client.post("/api/v1/activities", build(childId)), field, name);
    }
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("a present value of the wrong type is not reported as missing", async () => {
    const res = await api(owner.token).post("/api/v1/activities", bottle(childId, feeding({ amountMl: "120" })));
    expect(res.body.error.fields).toEqual({ "details.amountMl": "Expected number." });
    const missing = await api(owner.token).post("/api/v1/activities", bottle(childId, feeding({ amountMl: undefined })));
    expect(missing.body.error.fields).toEqual({ "details.amountMl": "This field is required." });
  });

  it("reports every bad field at once", async () => {
    const res = await api(owner.token).post("/api/v1/activities", {
      childId,
      type: "feeding",
      startedAt: "soon",
      details: { method: "bottle", amountMl: 5000, milk: "cola" },
      notes: "x".repeat(2001),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["details.amountMl", "details.milk", "notes", "startedAt"]);
  });

  it("edits are validated the same way, naming the field", async () => {
    const client = api(owner.token);
    const { activity } = (await client.post("/api/v1/activities", bottle(childId))).body;
    const before = await familyState(owner.familyId);
    const patches: [string, Record<string, unknown>, string][] = [
      ["missing version", { notes: "x" }, "version"],
      ["version as text", { version: "1" }, "version"],
      ["zero version", { version: 0 }, "version"],
      ["type change", { version: 1, type: "sleep" }, "body"],
      ["family change", { version: 1, familyId: owner.familyId }, "body"],
      ["5 l bottle", { version: 1, details: { method: "bottle", amountMl: 5000, milk: "formula" } }, "details.amountMl"],
      ["end before start", { version: 1, endedAt: minutesAgo(60 * 5) }, "endedAt"],
      ["far future", { version: 1, startedAt: "2100-01-01T00:00:00Z" }, "startedAt"],
      ["details not an object", { version: 1, details: "bottle" }, "details"],
      ["notes too long", { version: 1, notes: "x".repeat(2001) }, "notes"],
    ];
    for (const [name, body, field] of patches) expectFieldError(await client.patch(`/api/v1/activities/${activity.id}`, body), field, name);
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("list queries name the bad parameter", async () => {
    const client = api(owner.token);
    const queries: [string, string][] = [
      [`childId=${childId}&limit=0`, "limit"],
      [`childId=${childId}&limit=201`, "limit"],
      [`childId=${childId}&limit=ten`, "limit"],
      [`childId=${childId}&limit=1e309`, "limit"],
      [`childId=${childId}&type=bath`, "type"],
      [`childId=${childId}&from=yesterday`, "from"],
      [`childId=${childId}&from=0000-01-01T00:00:00Z`, "from"],
      [`childId=${childId}&to=0001-01-01T00:00:00%2B01:00`, "to"],
      [`childId=${childId}&cursor=garbage`, "cursor"],
      [`childId=${childId}&cursor=${"x".repeat(300)}`, "cursor"],
      [`childId=${childId}&cursor=${Buffer.from(JSON.stringify(["0000-01-01T00:00:00.000Z", childId])).toString("base64url")}`, "cursor"],
      ["", "childId"],
      ["childId=abc", "childId"],
    ];
    for (const [query, field] of queries) expectFieldError(await client.get(`/api/v1/activities?${query}`), field, query);
  });
});

describe("children, families, invites and members input", () => {
  let owner: Account;
  let childId: string;
  let memberId: string;
  beforeAll(async () => {
    owner = await registerAccount();
    childId = (await createChild(owner)).id;
    const other = await registerAccount("Member");
    const code = (await api(owner.token).post(`/api/v1/families/${owner.familyId}/invites`, { role: "viewer" })).body.code;
    await api(other.token).post(`/api/v1/invites/${code}/accept`);
    memberId = other.userId;
  });

  it("each invalid field answers 400 naming it, and nothing is stored", async () => {
    const client = api(owner.token);
    const child = (extra: Record<string, unknown>) => ({
      familyId: owner.familyId,
      name: "Eva",
      birthDate: "2026-01-01",
      sex: "female",
      ...extra,
    });
    const cases: [string, () => ReturnType<typeof client.get>, string][] = [
      ["child name too long", () => client.post("/api/v1/children", child({ name: "x".repeat(61) })), "name"],
      ["child name blank", () => client.post("/api/v1/children", child({ name: "   " })), "name"],
      ["birth date in the future", () => client.post("/api/v1/children", child({ birthDate: "2100-01-01" })), "birthDate"],
      ["birth date long ago", () => client.post("/api/v1/children", child({ birthDate: "1900-01-01" })), "birthDate"],
      ["impossible birth date", () => client.post("/api/v1/children", child({ birthDate: "2026-02-30" })), "birthDate"],
      ["birth date with time", () => client.post("/api/v1/children", child({ birthDate: "2026-01-01T00:00:00Z" })), "birthDate"],
      ["unknown sex", () => client.post("/api/v1/children", child({ sex: "x" })), "sex"],
      ["unknown time zone", () => client.post("/api/v1/children", child({ timezone: "Mars/Olympus_Mons" })), "timezone"],
      ["absurd gestational age", () => client.post("/api/v1/children", child({ gestationalAgeWeeks: 60 })), "gestationalAgeWeeks"],
      ["familyId not a uuid", () => client.post("/api/v1/children", child({ familyId: "mine" })), "familyId"],
      ["unknown child field", () => client.post("/api/v1/children", child({ photoUrl: "http://x" })), "body"],
      ["child edit: name too long", () => client.patch(`/api/v1/children/${childId}`, { name: "x".repeat(61) }), "name"],
      ["child edit: family move", () => client.patch(`/api/v1/children/${childId}`, { familyId: owner.familyId }), "body"],
      ["child edit: version as text", () => client.patch(`/api/v1/children/${childId}`, { version: "1" }), "version"],
      ["child edit: future birth", () => client.patch(`/api/v1/children/${childId}`, { birthDate: "2100-01-01" }), "birthDate"],
      ["family name too long", () => client.patch(`/api/v1/families/${owner.familyId}`, { name: "x".repeat(81) }), "name"],
      ["family name blank", () => client.patch(`/api/v1/families/${owner.familyId}`, { name: "" }), "name"],
      ["family name missing", () => client.patch(`/api/v1/families/${owner.familyId}`, {}), "name"],
      ["invite: unknown role", () => client.post(`/api/v1/families/${owner.familyId}/invites`, { role: "admin" }), "role"],
      ["invite: bad email", () => client.post(`/api/v1/families/${owner.familyId}/invites`, { role: "viewer", email: "nope" }), "email"],
      [
        "invite: expiry 0",
        () => client.post(`/api/v1/families/${owner.familyId}/invites`, { role: "viewer", expiresInHours: 0 }),
        "expiresInHours",
      ],
      [
        "invite: expiry a year",
        () => client.post(`/api/v1/families/${owner.familyId}/invites`, { role: "viewer", expiresInHours: 8760 }),
        "expiresInHours",
      ],
      ["member: unknown role", () => client.patch(`/api/v1/families/${owner.familyId}/members/${memberId}`, { role: "boss" }), "role"],
      [
        "member: extra field",
        () => client.patch(`/api/v1/families/${owner.familyId}/members/${memberId}`, { role: "viewer", name: "x" }),
        "body",
      ],
    ];
    const before = await familyState(owner.familyId);
    for (const [name, run, field] of cases) expectFieldError(await run(), field, name);
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("a new family needs a name within 80 characters", async () => {
    const client = api(owner.token);
    const before = await userState(owner.userId);
    expectFieldError(await client.post("/api/v1/families", { name: "x".repeat(81) }), "name", "long");
    expectFieldError(await client.post("/api/v1/families", {}), "name", "missing");
    expect(await userState(owner.userId)).toEqual(before);
  });
});

describe("account input", () => {
  it("registration names the bad field and stores nothing", async () => {
    const email = `valid-${Date.now()}@example.test`;
    const cases: [Record<string, unknown>, string][] = [
      [{ email: "not-an-email", password: "long enough", name: "A" }, "email"],
      [{ email: `${"x".repeat(250)}@example.test`, password: "long enough", name: "A" }, "email"],
      [{ email, password: "short", name: "A" }, "password"],
      [{ email, password: "x".repeat(257), name: "A" }, "password"],
      [{ email, password: "long enough", name: "" }, "name"],
      [{ email, password: "long enough", name: "x".repeat(81) }, "name"],
      [{ email, password: "long enough", name: "A", locale: "ja" }, "locale"],
      [{ email, password: "long enough", name: "A", role: "admin" }, "body"],
      [{ password: "long enough", name: "A" }, "email"],
    ];
    for (const [body, field] of cases)
      expectFieldError(await api().post("/api/v1/auth/register", body), field, JSON.stringify(body).slice(0, 80));
    // The valid email was never registered by the refused attempts.
    expect((await api().post("/api/v1/auth/register", { email, password: "long enough", name: "A" })).status).toBe(201);
  });

  it("token, password, profile and token-label input name the bad field and change nothing", async () => {
    const account = await registerAccount();
    const client = api(account.token);
    const before = await userState(account.userId);
    const cases: [() => ReturnType<typeof client.get>, string][] = [
      [() => api().post("/api/v1/auth/token", { email: account.email }), "password"],
      [() => api().post("/api/v1/auth/token", { password: "whatever" }), "email"],
      [() => api().post("/api/v1/auth/token", { email: account.email, password: account.password, label: "x".repeat(81) }), "label"],
      [() => client.post("/api/v1/auth/password", { currentPassword: account.password }), "newPassword"],
      [() => client.post("/api/v1/auth/password", { currentPassword: account.password, newPassword: "1234567" }), "newPassword"],
      [() => client.patch("/api/v1/me", { name: "x".repeat(81) }), "name"],
      [() => client.patch("/api/v1/me", { settings: { dayStartHour: 24 } }), "settings.dayStartHour"],
      [() => client.patch("/api/v1/me", { settings: { units: "furlongs" } }), "settings.units"],
      [() => client.patch("/api/v1/me", { settings: { locale: "klingon" } }), "settings.locale"],
      [() => client.patch("/api/v1/me", { settings: { theme: "neon" } }), "settings.theme"],
      [() => client.patch("/api/v1/me", { email: "new@example.test" }), "body"],
      [() => client.post("/api/v1/tokens", { label: "x".repeat(81) }), "label"],
      [() => client.post("/api/v1/tokens", {}), "label"],
    ];
    for (const [run, field] of cases) expectFieldError(await run(), field, field);
    expect(await userState(account.userId)).toEqual(before);
  });
});

describe("transport: body format and size", () => {
  let owner: Account;
  let childId: string;
  beforeAll(async () => {
    owner = await registerAccount();
    childId = (await createChild(owner)).id;
  });

  const endpoints = (o: Account, id: string): [string, string][] => [
    ["POST", "/api/v1/activities"],
    ["POST", "/api/v1/children"],
    ["PATCH", `/api/v1/children/${id}`],
    ["POST", "/api/v1/families"],
    ["PATCH", `/api/v1/families/${o.familyId}`],
    ["POST", `/api/v1/families/${o.familyId}/invites`],
    ["PATCH", `/api/v1/families/${o.familyId}/members/${o.userId}`],
    ["POST", "/api/v1/timers"],
    ["PATCH", "/api/v1/me"],
    ["POST", "/api/v1/tokens"],
    ["POST", "/api/v1/auth/password"],
  ];

  it("malformed JSON answers 400 naming the body, on every JSON endpoint", async () => {
    const client = api(owner.token);
    const before = await familyState(owner.familyId);
    for (const [method, path] of endpoints(owner, childId)) {
      for (const text of ['{"name": "Eva"', "{name: 'Eva'}", "", "[1,2", "nul"]) {
        const res = await client.raw(method, path, text);
        expect(res.status, `${method} ${path} ${JSON.stringify(text)}`).toBe(400);
        expect(res.body.error).toMatchObject({ code: "bad_request:json", fields: { body: expect.any(String) } });
      }
    }
    for (const path of ["/api/v1/auth/register", "/api/v1/auth/token"]) {
      expect((await api().raw("POST", path, "{oops")).status).toBe(400);
    }
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("a body that is not JSON by Content-Type answers 415", async () => {
    const client = api(owner.token);
    const before = await familyState(owner.familyId);
    const body = JSON.stringify(bottle(childId));
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"]) {
      const res = await client.raw("POST", "/api/v1/activities", body, { "content-type": type });
      expect(res.status, type).toBe(415);
      expect(res.body.error.code).toBe("unsupported_media_type:body");
    }
    // No Content-Type at all.
    const res = await fetch(`${process.env.TEST_BASE_URL}/api/v1/activities`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "x-forwarded-for": "10.9.9.9" },
      body: new Blob([body]),
    });
    expect(res.status).toBe(415);
    expect(
      (await api().raw("POST", "/api/v1/auth/register", "email=a@b.c", { "content-type": "application/x-www-form-urlencoded" })).status,
    ).toBe(415);
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("an oversized body answers 413, declared or streamed", async () => {
    const client = api(owner.token);
    const before = await familyState(owner.familyId);
    const huge = JSON.stringify(bottle(childId, { notes: "x".repeat(200 * 1024) }));
    const res = await client.raw("POST", "/api/v1/activities", huge);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large:body");

    const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 20) return controller.close();
        controller.enqueue(chunk);
      },
    });
    const streamed = await fetch(`${process.env.TEST_BASE_URL}/api/v1/activities`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json", "x-forwarded-for": "10.9.9.8" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(
      (await api().raw("POST", "/api/v1/auth/register", JSON.stringify({ email: "a@b.c", password: "x".repeat(100_000), name: "A" })))
        .status,
    ).toBe(413);
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("text the database cannot store (NUL, lone surrogates) answers 400 naming the field", async () => {
    const client = api(owner.token);
    const before = await familyState(owner.familyId);
    const cases: [string, string, string, string][] = [
      ["PATCH", `/api/v1/families/${owner.familyId}`, '{"name":"a\\u0000b"}', "name"],
      ["PATCH", `/api/v1/families/${owner.familyId}`, '{"name":"a\\ud800b"}', "name"],
      ["POST", "/api/v1/activities", JSON.stringify(bottle(childId, { notes: "x" })).replace('"notes":"x"', '"notes":"x\\u0000"'), "notes"],
      [
        "POST",
        "/api/v1/activities",
        `{"childId":"${childId}","type":"note","startedAt":"${minutesAgo(5)}","details":{"text":"hi\\u0000"}}`,
        "details.text",
      ],
      [
        "POST",
        "/api/v1/activities",
        `{"childId":"${childId}","type":"note","startedAt":"${minutesAgo(5)}","details":{"text":"\\udc00"}}`,
        "details.text",
      ],
      ["PATCH", `/api/v1/children/${childId}`, '{"name":"\\u0000"}', "name"],
      ["PATCH", "/api/v1/me", '{"name":"x\\u0000"}', "name"],
    ];
    for (const [method, path, text, field] of cases)
      expectFieldError(await client.raw(method, path, text), field, `${method} ${path} ${text.slice(-40)}`);
    const register = await api().raw(
      "POST",
      "/api/v1/auth/register",
      '{"email":"nul@example.test","password":"long enough","name":"\\u0000"}',
    );
    expectFieldError(register, "name", "register");
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("well-formed unicode is stored and read back intact", async () => {
    const client = api(owner.token);
    const text = "👶🏽 بابا — Lucía 宝宝 \u200f";
    const res = await client.post("/api/v1/activities", { childId, type: "note", startedAt: minutesAgo(1), details: { text } });
    expect(res.status).toBe(201);
    expect((await client.get(`/api/v1/activities/${res.body.activity.id}`)).body.activity.details.text).toBe(text.trim());
  });
});

describe("no request makes the server answer 5xx", () => {
  let owner: Account;
  let childId: string;
  let activityId: string;
  let timerId: string;
  beforeAll(async () => {
    owner = await registerAccount();
    childId = (await createChild(owner)).id;
    activityId = (await api(owner.token).post("/api/v1/activities", bottle(childId))).body.activity.id;
    timerId = (await api(owner.token).post("/api/v1/timers", { childId, type: "sleep" })).body.timer.id;
  });

  const hostile: string[] = [
    "null",
    "[]",
    '"text"',
    "0",
    "-1e400",
    "true",
    '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    '{"name":{"$gt":""},"role":["owner"],"version":1e400,"details":[]}',
    '{"childId":null,"type":null,"details":null,"startedAt":null,"familyId":null}',
    '{"name":1,"email":1,"password":1,"label":1,"role":1,"action":1,"birthDate":1}',
    '{"version":9007199254740993,"notes":"x","amountMl":1e308}',
    '{"startedAt":"-271821-04-20T00:00:00Z","endedAt":"+275760-09-13T00:00:00Z","birthDate":"9999-99-99"}',
    `{"name":"${"ñ".repeat(30_000)}"}`,
    "[".repeat(5000) + "]".repeat(5000),
    `{"a":${'{"a":'.repeat(3000)}1${"}".repeat(3000)}}`,
  ];

  it("hostile bodies on every endpoint get a 4xx JSON error", async () => {
    const routes: [string, string][] = [
      ["POST", "/api/v1/auth/register"],
      ["POST", "/api/v1/auth/token"],
      ["POST", "/api/v1/auth/password"],
      ["PATCH", "/api/v1/me"],
      ["POST", "/api/v1/tokens"],
      ["POST", "/api/v1/families"],
      ["PATCH", `/api/v1/families/${owner.familyId}`],
      ["POST", `/api/v1/families/${owner.familyId}/invites`],
      ["PATCH", `/api/v1/families/${owner.familyId}/members/${owner.userId}`],
      ["POST", "/api/v1/children"],
      ["PATCH", `/api/v1/children/${childId}`],
      ["POST", "/api/v1/activities"],
      ["PATCH", `/api/v1/activities/${activityId}`],
      ["POST", "/api/v1/timers"],
      ["PATCH", `/api/v1/timers/${timerId}`],
    ];
    const before = await familyState(owner.familyId);
    const isPublic = (path: string) => path === "/api/v1/auth/register" || path === "/api/v1/auth/token";
    for (const [method, path] of routes) {
      // A token per route keeps every request under the per-token budget, so each one reaches its
      // handler; each api() client also has its own address for the per-IP auth budget.
      const token = isPublic(path) ? undefined : await freshToken(owner);
      for (const text of hostile) {
        const res = await api(token).raw(method, path, text);
        const context = `${method} ${path} ${text.slice(0, 60)}`;
        expect(res.status, context).toBeGreaterThanOrEqual(400);
        expect(res.status, context).toBeLessThan(500);
        expect(res.status, context).not.toBe(429);
        expect(res.body.error.code).toEqual(expect.any(String));
      }
    }
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("hostile query strings get a 4xx JSON error", async () => {
    const client = api(await freshToken(owner));
    const paths = [
      `/api/v1/activities?childId=${childId}&limit=-0`,
      `/api/v1/activities?childId=${childId}&limit=NaN`,
      `/api/v1/activities?childId=${childId}&limit=Infinity`,
      `/api/v1/activities?childId=${childId}&from=%00`,
      `/api/v1/activities?childId=${childId}&cursor=%00%00`,
      `/api/v1/activities?childId=${childId}&cursor=${Buffer.from('["2026-01-01T00:00:00.000Z"').toString("base64url")}`,
      `/api/v1/activities?childId=${childId}&type=feeding&type=%00`,
      `/api/v1/activities?childId=%00`,
      `/api/v1/activities?childId[]=${childId}`,
      "/api/v1/children?familyId=%00",
      "/api/v1/timers?familyId=%E0%A4%A",
      `/api/v1/children/${"%00".repeat(10)}`,
      "/api/v1/invites/%00%00%00%00%00%00%00%00/accept",
    ];
    for (const path of paths) {
      const method = path.endsWith("/accept") ? "POST" : "GET";
      const res = await client.raw(method, path, method === "POST" ? {} : undefined);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.status, path).not.toBe(429);
    }
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { readJsonBody, requestMeta, uuidParam } from "./request";

beforeAll(() => {
  // env() is read once, lazily: decide before the first read that proxy headers are trusted.
  process.env.TRUST_PROXY = "1";
});

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://test.local/api/v1/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected the body to be refused");
}

function stream(chunks: number, chunkSize: number) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= chunks) return controller.close();
      controller.enqueue(new TextEncoder().encode("x".repeat(chunkSize)));
    },
  });
}

describe("readJsonBody", () => {
  it("parses JSON sent with a JSON content type", async () => {
    expect(await readJsonBody(post('{"a":[1,"b"]}'))).toEqual({ a: [1, "b"] });
    expect(await readJsonBody(post("{}", { "content-type": "application/json; charset=utf-8" }))).toEqual({});
    expect(await readJsonBody(post("{}", { "content-type": "APPLICATION/JSON" }))).toEqual({});
    expect(await readJsonBody(post("{}", { "content-type": "application/merge-patch+json" }))).toEqual({});
  });

  it("refuses other content types with 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp"]) {
      expect((await failure(readJsonBody(post("{}", { "content-type": type })))).code).toBe("unsupported_media_type:body");
    }
    expect((await failure(readJsonBody(post("{}", {})))).status).toBe(415);
  });

  it("refuses a body declared larger than the limit with 413", async () => {
    const limit = env().API_BODY_LIMIT_BYTES;
    const error = await failure(readJsonBody(post("x".repeat(limit + 1))));
    expect(error.code).toBe("payload_too_large:body");
    expect(error.status).toBe(413);
  });

  it("counts a streamed body without Content-Length", async () => {
    const limit = env().API_BODY_LIMIT_BYTES;
    const error = await failure(readJsonBody(post(stream(Math.ceil(limit / 1024) + 1, 1024))));
    expect(error.code).toBe("payload_too_large:body");
  });

  it("accepts a body of exactly the limit", async () => {
    const limit = env().API_BODY_LIMIT_BYTES;
    const text = JSON.stringify({ t: "x".repeat(limit - 8) });
    expect(text.length).toBe(limit);
    expect(await readJsonBody(post(text))).toEqual({ t: "x".repeat(limit - 8) });
  });

  it("refuses malformed or empty JSON with 400 naming the body", async () => {
    for (const text of ['{"a":', "{a:1}", "", "undefined", "{'a':1}", '{"a":1}garbage']) {
      const error = await failure(readJsonBody(post(text)));
      expect(error.code).toBe("bad_request:json");
      expect(Object.keys(error.fields ?? {})).toEqual(["body"]);
    }
  });

  it("refuses text PostgreSQL cannot store (NUL, unpaired surrogates), naming the field", async () => {
    const cases: [string, string][] = [
      ['{"name":"a\\u0000b"}', "name"],
      ['{"details":{"text":"x\\u0000"}}', "details.text"],
      ['{"foods":["ok","\\u0000"]}', "foods.1"],
      ['{"notes":"\\ud800"}', "notes"],
      ['{"notes":"x\\udc00y"}', "notes"],
      ['{"a\\u0000":1}', "a\u0000"],
      ['"\\u0000"', "body"],
    ];
    for (const [text, path] of cases) {
      const error = await failure(readJsonBody(post(text)));
      expect(error.status).toBe(400);
      expect(Object.keys(error.fields ?? {})).toEqual([path]);
    }
  });

  it("keeps well-formed text, including surrogate pairs", async () => {
    expect(await readJsonBody(post('{"t":"\\ud83d\\udc76 bebé"}'))).toEqual({ t: "👶 bebé" });
  });

  it("does not overflow the stack on deeply nested input", async () => {
    const depth = 20_000;
    const body = await readJsonBody(post("[".repeat(depth) + "]".repeat(depth))).catch((e) => e);
    expect(body instanceof AppError || Array.isArray(body)).toBe(true);
  });
});

describe("uuidParam", () => {
  it("returns a uuid in lower case", () => {
    expect(uuidParam("0B7D5A6E-8F0C-4D7E-9B7E-2F6D2D6A1C11", "child")).toBe("0b7d5a6e-8f0c-4d7e-9b7e-2f6d2d6a1c11");
  });

  it("answers 404 for anything else: a path id that is not a uuid names nothing", () => {
    for (const value of [undefined, "", "123", "0b7d5a6e-8f0c-4d7e-9b7e-2f6d2d6a1c1", "0b7d5a6e-8f0c-4d7e-9b7e-2f6d2d6a1c11x"]) {
      let caught: unknown;
      try {
        uuidParam(value, "child");
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe("not_found:child");
    }
  });
});

describe("requestMeta", () => {
  const req = (headers: Record<string, string>) => new Request("http://test.local/", { headers });

  it("takes the first X-Forwarded-For address behind a trusted proxy", () => {
    expect(requestMeta(req({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", "user-agent": "ua/1" }))).toEqual({
      ip: "203.0.113.7",
      userAgent: "ua/1",
    });
  });

  it("falls back to X-Real-IP, then to `direct`", () => {
    expect(requestMeta(req({ "x-real-ip": "198.51.100.2" })).ip).toBe("198.51.100.2");
    expect(requestMeta(req({})).ip).toBe("direct");
  });
});

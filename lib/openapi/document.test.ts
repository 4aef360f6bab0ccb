import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { buildOpenApiDocument } from "./document";

const root = path.resolve(__dirname, "../..");

/** Every (method, path) that app/api exports a handler for, in OpenAPI path syntax. */
function implementedRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "route.ts") {
        const rel = path.relative(path.join(root, "app"), dir).split(path.sep);
        if (rel.some((s) => s.startsWith("[..."))) continue; // Auth.js and the 404 catch-all
        const urlPath = "/" + rel.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
        const source = readFileSync(full, "utf8");
        for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PATCH|PUT|DELETE)\b/g))
          found.push(`${m[1].toLowerCase()} ${urlPath}`);
      }
    }
  };
  walk(path.join(root, "app", "api"));
  return found.sort();
}

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument();

  it("is a valid OpenAPI 3.1 document according to a maintained validator", async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists every implemented route and nothing that is not implemented", () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`))
      .sort();
    expect(documented).toEqual(implementedRoutes());
  });

  it("describes request bodies from the zod schemas, including per-type activity details", () => {
    const body = (
      doc.paths["/api/v1/activities"].post as {
        requestBody: { content: { "application/json": { schema: { oneOf?: unknown[]; anyOf?: unknown[] } } } };
      }
    ).requestBody.content["application/json"].schema;
    const variants = body.oneOf ?? body.anyOf ?? [];
    expect(variants.length).toBe(9);
    expect(JSON.stringify(body)).toContain('"maximum":500');
  });
});

import { z } from "zod";
import { routes, type RouteSpec } from "./routes";

const ERROR_STATUSES: Record<number, string> = {
  400: "Invalid input; `fields` maps JSON paths to messages",
  401: "Not signed in, or the token is invalid",
  403: "Your role in this family does not allow it",
  404: "Missing, or belongs to another family",
  409: "Conflict (stale version, duplicate)",
  413: "Body too large",
  415: "Body is not JSON",
  429: "Rate limited; see Retry-After",
};

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
}

function operation(route: RouteSpec) {
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = route.query
    ? Object.entries(route.query.shape).map(([name, schema]) => ({
        name,
        in: "query",
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(schema as z.ZodType, "input"),
      }))
    : [];
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    responses[status] = schema
      ? {
          description: Number(status) < 300 ? "Success" : "Failure",
          content: { "application/json": { schema: jsonSchema(schema, "output") } },
        }
      : { description: "No content" };
  }
  const errorStatuses = route.auth ? [400, 401, 403, 404, 409, 413, 415, 429] : route.body ? [400, 409, 413, 415, 429] : [];
  for (const status of errorStatuses) {
    if (!route.body && (status === 413 || status === 415)) continue;
    responses[status] ??= {
      description: ERROR_STATUSES[status],
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return {
    operationId: `${route.method}${route.path
      .replace(/\/api\/v1|\/api/, "")
      .replace(/[{}]/g, "")
      .replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())
      .replace(/[^A-Za-z0-9]/g, "")}`,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth ? {} : { security: [] }),
    ...(params.length + query.length > 0 && { parameters: [...params, ...query] }),
    ...(route.body && { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } }),
    responses,
  };
}

/** The OpenAPI 3.1 document of the REST API, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(serverUrl = "/") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: "3.1.0",
    info: {
      title: "Nestling API",
      version: "1.0.0",
      description: "Times are ISO-8601 with offset; units are SI (ml, g, mm, °C). Errors: { error: { code, message, fields? } }.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Personal access token (nst_…)" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: { Error: jsonSchema(errorSchema, "output") },
    },
  };
}

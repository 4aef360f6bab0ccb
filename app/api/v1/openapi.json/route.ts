import { buildOpenApiDocument } from "@/lib/openapi/document";

let cached: string | undefined;

export function GET() {
  cached ??= JSON.stringify(buildOpenApiDocument());
  return new Response(cached, { headers: { "content-type": "application/json", "cache-control": "public, max-age=300" } });
}

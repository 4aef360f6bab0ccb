import { readFile } from "node:fs/promises";
import path from "node:path";
import { swOutputPath } from "@/lib/pwa/sw-file";

// Read at request time: the worker is compiled after `next build` (scripts/build-sw.ts).
export const dynamic = "force-dynamic";

/** The service worker, from this build's directory; 404 when the build step did not run. */
export async function GET() {
  const distDir = path.join(/* turbopackIgnore: true */ process.cwd(), process.env.NEXT_DIST_DIR ?? ".next");
  let body: Buffer;
  try {
    body = await readFile(swOutputPath(distDir));
  } catch {
    return new Response("// no service worker in this build\n", { status: 404, headers: { "Content-Type": "text/javascript" } });
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      // Browsers check for a new worker on navigation; never let an HTTP cache hide it.
      "Cache-Control": "no-cache, no-store, must-revalidate",
      "Service-Worker-Allowed": "/",
    },
  });
}

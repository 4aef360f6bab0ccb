/**
 * `tsx scripts/build-sw.ts` — compiles the service worker after `next build` (part of
 * `npm run build`, scripts/run-tests.ts and scripts/demo.ts). @serwist/next only hooks into
 * webpack builds; we build with Turbopack, so: esbuild bundles sw/sw.ts, then @serwist/build's
 * injectManifest writes the precache list (the build's /_next/static files, the icons, each
 * locale's offline page) into it.
 *
 * The result goes into the build's own directory (<NEXT_DIST_DIR>/sw/sw.js), not public/: several
 * builds live side by side (NEXT_DIST_DIR=.next-…) and each must serve the worker that precaches
 * its own files. app/sw.js/route.ts serves it at /sw.js.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { injectManifest } from "@serwist/build";
import { locales } from "../lib/i18n/config";
import { offlinePath } from "../lib/pwa/cache-names";
import { swOutputPath } from "../lib/pwa/sw-file";

const ROOT = path.resolve(import.meta.dirname, "..");
const distDir = path.resolve(ROOT, process.env.NEXT_DIST_DIR ?? ".next");

const hashOf = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);

async function main() {
  const buildIdFile = path.join(distDir, "BUILD_ID");
  if (!existsSync(buildIdFile)) throw new Error(`no Next build in ${distDir}: run next build first`);
  const buildId = readFileSync(buildIdFile, "utf8").trim();
  const swDest = swOutputPath(distDir);
  const swSrc = swDest.replace(/\.js$/, ".src.js");

  await build({
    entryPoints: [path.join(ROOT, "sw/sw.ts")],
    outfile: swSrc,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    tsconfig: path.join(ROOT, "sw/tsconfig.json"),
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });

  const iconsDir = path.join(ROOT, "public/icons");
  const icons = readdirSync(iconsDir)
    .filter((f) => /\.(png|svg)$/.test(f))
    .map((f) => ({ url: `/icons/${f}`, revision: hashOf(path.join(iconsDir, f)) }));
  // Dynamic pages: a new build brings new offline pages.
  const offlinePages = locales.map((locale) => ({ url: offlinePath(locale), revision: buildId }));

  const { count, size, warnings } = await injectManifest({
    swSrc,
    swDest,
    globDirectory: distDir,
    globPatterns: ["static/**/*.{js,css,woff,woff2,png,svg,ico,webp,jpg}"],
    modifyURLPrefix: { "static/": "/_next/static/" },
    // Next puts a content hash in every /_next/static file name.
    dontCacheBustURLsMatching: /^\/_next\/static\//,
    additionalPrecacheEntries: [...icons, ...offlinePages],
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  });
  for (const warning of warnings) console.warn(`[build-sw] ${warning}`);
  console.log(`✓ service worker ${path.relative(ROOT, swDest)}: ${count} files precached (${(size / 1024).toFixed(0)} kB)`);
}

main().catch((error) => {
  console.error("[build-sw]", error);
  process.exitCode = 1;
});

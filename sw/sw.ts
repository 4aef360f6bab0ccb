/// <reference lib="webworker" />
/**
 * Nestling's service worker, compiled by scripts/build-sw.ts (esbuild) and given its precache
 * list by @serwist/build's injectManifest. Served at /sw.js by app/sw.js/route.ts.
 *
 * - Precache: the build's /_next/static files, the icons and each locale's offline page.
 * - Navigations: network first; the last copy of a visited page when the network fails; the
 *   locale's offline page only for a page never visited.
 * - Static assets: stale-while-revalidate. API responses: never cached.
 * - A new version waits until the page asks it to take over (the "Reload" toast).
 */
import {
  CacheableResponsePlugin,
  ExpirationPlugin,
  NetworkFirst,
  NetworkOnly,
  Serwist,
  StaleWhileRevalidate,
  type PrecacheEntry,
  type SerwistGlobalConfig,
} from "serwist";
import { defaultLocale, locales } from "../lib/i18n/config";
import { PAGES_CACHE, STATIC_CACHE, offlinePath } from "../lib/pwa/cache-names";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const DAY = 24 * 60 * 60;
const sameOrigin = (url: URL) => url.origin === self.location.origin;
const STATIC_FILE = /\.(?:js|css|woff2?|ttf|otf|png|svg|ico|webp|jpe?g|webmanifest)$/;

/** The locale a URL's page is in ("/fr/timeline" → "fr"); the default for anything else. */
function localeOf(url: string): string {
  const first = new URL(url).pathname.split("/")[1];
  return (locales as readonly string[]).includes(first) ? first : defaultLocale;
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: true,
  disableDevLogs: true,
  runtimeCaching: [
    // User data: never in a cache another account on this device could read.
    { matcher: ({ url }) => sameOrigin(url) && url.pathname.startsWith("/api/"), handler: new NetworkOnly() },
    {
      matcher: ({ request, url }) => request.mode === "navigate" && sameOrigin(url),
      handler: new NetworkFirst({
        cacheName: PAGES_CACHE,
        plugins: [
          // Redirects (to sign-in) and errors are never kept as a page.
          new CacheableResponsePlugin({ statuses: [200] }),
          new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 90 * DAY }),
        ],
      }),
    },
    {
      matcher: ({ url }) =>
        sameOrigin(url) &&
        (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/") || STATIC_FILE.test(url.pathname)),
      handler: new StaleWhileRevalidate({
        cacheName: STATIC_CACHE,
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 90 * DAY })],
      }),
    },
  ],
  fallbacks: {
    entries: locales.map((locale) => ({
      url: offlinePath(locale),
      matcher: ({ request }) => request.mode === "navigate" && localeOf(request.url) === locale,
    })),
  },
});

serwist.addEventListeners();

/**
 * Most moves inside the app are client-side (Next fetches an RSC payload, not the page), so the
 * page cache would only ever hold pages loaded in full. The page reports each client-side
 * navigation ({ type: "CACHE_PAGE", url }) and the worker keeps a copy of that page's HTML, so
 * reloading it offline works too.
 */
const lastCopied = new Map<string, number>();
const COPY_AGAIN_AFTER_MS = 60_000;

async function copyPage(href: string) {
  const url = new URL(href, self.location.origin);
  url.hash = "";
  if (!sameOrigin(url) || url.pathname.startsWith("/api/") || url.pathname.startsWith("/_next/")) return;
  const key = url.href;
  const last = lastCopied.get(key);
  if (last && Date.now() - last < COPY_AGAIN_AFTER_MS) return;
  lastCopied.set(key, Date.now());
  const response = await fetch(key, { credentials: "same-origin", headers: { Accept: "text/html" } });
  // Like the navigation route: only a page as such, never a redirect (to sign-in) or an error.
  if (response.status !== 200 || response.redirected || !response.headers.get("Content-Type")?.includes("text/html")) return;
  await (await caches.open(PAGES_CACHE)).put(key, response);
}

self.addEventListener("message", (event) => {
  const data = event.data as { type?: string; url?: unknown } | null;
  if (data?.type === "CACHE_PAGE" && typeof data.url === "string") event.waitUntil(copyPage(data.url).catch(() => undefined));
});

/**
 * Background Sync ("nestling-outbox", registered by components/offline/engine.ts when a change is
 * queued): the connection is back, so the open pages send their outbox. The outbox lives in the
 * page's IndexedDB store and is sent by the page's engine; with no page open, the next page opened
 * sends it (the engine syncs on start).
 */
type SyncEvent = ExtendableEvent & { tag: string };
self.addEventListener("sync" as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const sync = event as unknown as SyncEvent;
  if (sync.tag !== "nestling-outbox") return;
  sync.waitUntil(
    self.clients.matchAll({ type: "window" }).then((clients) => {
      for (const client of clients) client.postMessage({ type: "SYNC_OUTBOX" });
    }),
  );
});

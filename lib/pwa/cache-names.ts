/**
 * Cache Storage names shared by the service worker (sw/sw.ts) and the page. Pages hold the
 * signed-in user's data, so their cache is dropped when the user signs out or reaches sign-in.
 */
export const PAGES_CACHE = "nestling-pages";
export const STATIC_CACHE = "nestling-static";

/** The page shown for a navigation that fails offline and was never visited (precached per locale). */
export const offlinePath = (locale: string) => `/${locale}/offline`;

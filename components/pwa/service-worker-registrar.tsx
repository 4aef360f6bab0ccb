"use client";

import { Suspense, useEffect, useRef, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Workbox } from "workbox-window";
import { subscribeToasts, currentToast } from "@/components/activities/toast-store";
import { PAGES_CACHE } from "@/lib/pwa/cache-names";
import { requestPersistentStorage } from "@/lib/pwa/storage";
import styles from "./update-toast.module.css";

const UPDATE_CHECK_MS = 60 * 60 * 1000;
const AUTH_PAGE = /^\/[^/]+\/(sign-in|sign-up)(\/|$)/;

/**
 * Registers /sw.js (production builds only) and offers "Reload" when a new version is waiting.
 * Also keeps the page cache private: it is dropped whenever sign-in or sign-up is shown (after
 * signing out or when a session ended), so the next person on this device never sees it.
 */
export function ServiceWorkerRegistrar() {
  const t = useTranslations("pwa.update");
  const pathname = usePathname();
  const workbox = useRef<Workbox | null>(null);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    if (process.env.NODE_ENV !== "production") {
      // A worker left by a production build on this origin would serve stale files to `next dev`.
      void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
      return;
    }
    const wb = new Workbox("/sw.js", { scope: "/" });
    workbox.current = wb;
    wb.addEventListener("waiting", () => setWaiting(true));
    wb.register().catch((error) => console.warn("[pwa] service worker registration failed", error));
    let lastCheck = Date.now();
    const checkForUpdate = () => {
      if (document.visibilityState !== "visible" || Date.now() - lastCheck < UPDATE_CHECK_MS) return;
      lastCheck = Date.now();
      wb.update().catch(() => undefined);
    };
    document.addEventListener("visibilitychange", checkForUpdate);
    return () => document.removeEventListener("visibilitychange", checkForUpdate);
  }, []);

  useEffect(() => {
    if (pathname && AUTH_PAGE.test(pathname) && "caches" in window) void caches.delete(PAGES_CACHE);
  }, [pathname]);

  // The first entry saved on this device is the moment to ask to keep its data.
  useEffect(() => {
    const unsubscribe = subscribeToasts(() => {
      if (currentToast()?.undo) void requestPersistentStorage().catch(() => undefined);
    });
    return () => {
      unsubscribe();
    };
  }, []);

  function reload() {
    const wb = workbox.current;
    if (!wb) return;
    wb.addEventListener("controlling", () => window.location.reload());
    wb.messageSkipWaiting();
  }

  // The live region is always there, so screen readers announce the message when it appears.
  return (
    <div role="status" aria-live="polite" className={waiting ? styles.toast : undefined}>
      <Suspense>
        <PageCopier />
      </Suspense>
      {waiting && (
        <>
          <p className={styles.message}>{t("message")}</p>
          <div className={styles.actions}>
            <button type="button" onClick={reload}>
              {t("reload")}
            </button>
            <button type="button" className="secondary" onClick={() => setWaiting(false)}>
              {t("later")}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** Asks the service worker to keep a copy of each page reached by a client-side navigation. */
function PageCopier() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const fullLoad = useRef(true);
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    // Sign-in and sign-up are where the page cache is emptied; nothing to keep there.
    const copy = () => {
      if (!AUTH_PAGE.test(window.location.pathname))
        navigator.serviceWorker.controller?.postMessage({ type: "CACHE_PAGE", url: window.location.href });
    };
    // A full load under the worker's control was already kept by it; a client-side one was not.
    if (!fullLoad.current) copy();
    fullLoad.current = false;
    // The first load came before the worker took control: keep it once the worker does.
    navigator.serviceWorker.addEventListener("controllerchange", copy);
    return () => navigator.serviceWorker.removeEventListener("controllerchange", copy);
  }, [pathname, search]);
  return null;
}

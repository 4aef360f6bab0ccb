"use client";

import { useEffect, useState } from "react";

/**
 * The server's clock, ticking on the phone: the phone's own clock may be minutes off, and the
 * timers' segments are server times. The first render uses the server's instant as is, so the
 * markup matches the server's; after that the skew measured on mount is applied.
 */
export function useServerNow(serverNow: string, intervalMs: number): number {
  const base = Date.parse(serverNow);
  const [now, setNow] = useState(base);
  useEffect(() => {
    const skew = base - Date.now();
    const tick = () => setNow(Date.now() + skew);
    tick();
    const id = window.setInterval(tick, intervalMs);
    return () => window.clearInterval(id);
  }, [base, intervalMs]);
  return now;
}

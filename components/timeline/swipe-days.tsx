"use client";

import { useRef, type ReactNode } from "react";
import { useRouter } from "@/i18n/navigation";

const MIN_DISTANCE = 60;

/**
 * Swipe to change day on touch screens: a swipe towards the start of the line (left in English,
 * right in Arabic) goes to the next day, like turning a page. The previous/next links stay the
 * keyboard and screen-reader path; this only adds the gesture.
 */
export function SwipeDays({ previousHref, nextHref, children }: { previousHref: string; nextHref: string | null; children: ReactNode }) {
  const router = useRouter();
  const origin = useRef<{ x: number; y: number } | null>(null);

  return (
    <div
      onTouchStart={(e) => {
        const t = e.touches[0];
        // Tables scroll sideways on phones: a swipe there scrolls the table, not the day.
        const inTable = e.target instanceof Element && e.target.closest("table") !== null;
        origin.current = e.touches.length === 1 && !inTable ? { x: t.clientX, y: t.clientY } : null;
      }}
      onTouchEnd={(e) => {
        const from = origin.current;
        origin.current = null;
        const t = e.changedTouches[0];
        if (!from || !t) return;
        const dx = t.clientX - from.x;
        const dy = t.clientY - from.y;
        if (Math.abs(dx) < MIN_DISTANCE || Math.abs(dx) < 2 * Math.abs(dy)) return;
        const rtl = getComputedStyle(e.currentTarget).direction === "rtl";
        const towardsStart = rtl ? dx > 0 : dx < 0;
        const href = towardsStart ? nextHref : previousHref;
        if (href) router.push(href);
      }}
    >
      {children}
    </div>
  );
}

"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { UnitSystem } from "@/components/activities/units";

/** What a page tells its islands so a change can be built and queued without the server. */
export type OfflineScope = { childId: string; familyId: string; timeZone: string; units: UnitSystem };

const Context = createContext<OfflineScope | null>(null);

export function OfflineScopeProvider({ value, children }: { value: OfflineScope; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useOfflineScope(): OfflineScope | null {
  return useContext(Context);
}

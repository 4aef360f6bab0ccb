import type { Actor } from "@/lib/auth/actor";
import { requireChildRole } from "@/lib/families/access";

type ChildAccess = Awaited<ReturnType<typeof requireChildRole>>;

/** requireChildRole answers remembered for one sync batch (which names the same child hundreds of times). */
export type AccessCache = Map<string, Promise<ChildAccess>>;

export function childAccess(cache: AccessCache, actor: Actor, childId: string, atLeast: "viewer" | "caregiver"): Promise<ChildAccess> {
  const key = `${atLeast}:${childId}`;
  let found = cache.get(key);
  if (!found) {
    found = requireChildRole({ actor, childId, atLeast });
    found.catch(() => {}); // each caller gets the refusal; it is never unhandled
    cache.set(key, found);
  }
  return found;
}

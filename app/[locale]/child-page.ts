import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { getMe } from "@/lib/users/service";
import { listChildren } from "@/lib/children/service";

/**
 * What every per-child page starts with: the signed-in actor (or a redirect to sign-in), the
 * user's settings and families, every child they can see, and the one chosen by `?child=`
 * (the first when absent or unknown; null when there are no children yet).
 */
export async function loadChildPage(locale: string, childId: string | undefined) {
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  const { user, families } = await getMe({ actor });
  const children = (await Promise.all(families.map((f) => listChildren({ actor, familyId: f.id })))).flat();
  const child = children.find((c) => c.id === childId) ?? children[0] ?? null;
  return { actor, user, families, children, child };
}

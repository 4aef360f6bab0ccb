import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { hasRole } from "@/lib/auth/roles";
import { getMe } from "@/lib/users/service";
import { getFamily } from "@/lib/families/service";
import { listChildren } from "@/lib/children/service";
import { listActivities } from "@/lib/activities/service";
import type { ActivityDto } from "@/lib/activities/schema";
import { ChildSwitcher } from "@/components/children/child-switcher";
import { EntryList } from "@/components/activities/entry-list";
import { QuickLog } from "@/components/activities/quick-log";
import { AddChildSection } from "./children/add-child-section";
import { deleteEntryAction } from "./log/actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ child?: string }> };

const RECENT_ENTRIES = 50;

export default async function HomePage({ params, searchParams }: Props) {
  const [{ locale }, { child: childParam }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  const [{ user, families }, t] = await Promise.all([getMe({ actor }), getTranslations("home")]);
  const children = (await Promise.all(families.map((f) => listChildren({ actor, familyId: f.id })))).flat();

  if (children.length === 0) {
    return (
      <main id="main">
        <h1>{t("welcome", { name: user.name })}</h1>
        <p>{t("noChildren")}</p>
        <AddChildSection actor={actor} />
      </main>
    );
  }

  const child = children.find((c) => c.id === childParam) ?? children[0];
  const role = families.find((f) => f.id === child.familyId)?.role ?? "viewer";
  const [family, { items }] = await Promise.all([
    getFamily({ actor, familyId: child.familyId }),
    listActivities({ actor, query: { childId: child.id, limit: RECENT_ENTRIES } }),
  ]);
  const memberNames = Object.fromEntries(family.members.map((m) => [m.userId, m.name]));
  // Mirrors the service rule so the button only shows where deleting will work.
  const canDelete = (entry: ActivityDto) => hasRole(role, "parent") || (hasRole(role, "caregiver") && entry.createdById === user.id);

  return (
    <main id="main">
      {children.length > 1 && <ChildSwitcher items={children} currentId={child.id} />}
      <h1>{child.name}</h1>
      {hasRole(role, "caregiver") && (
        <section aria-labelledby="quick-log-heading">
          <h2 id="quick-log-heading">{t("quickLog")}</h2>
          <QuickLog childId={child.id} />
        </section>
      )}
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t("entries")}</h2>
        <EntryList
          entries={items}
          timeZone={child.timezone}
          units={user.settings.units}
          memberNames={memberNames}
          meId={user.id}
          canDelete={canDelete}
          deleteAction={deleteEntryAction}
        />
      </section>
      {families.some((f) => hasRole(f.role, "parent")) && (
        <p>
          <Link href="/children/new">{t("addChild")}</Link>
        </p>
      )}
    </main>
  );
}

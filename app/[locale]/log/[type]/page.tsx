import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import type { Actor } from "@/lib/auth/actor";
import { getChild, listChildren } from "@/lib/children/service";
import { getMe } from "@/lib/users/service";
import { AppError } from "@/lib/errors/app-error";
import { uuidParam } from "@/lib/http/request";
import { LogEntryForm } from "@/components/activities/log-entry-form";
import { OfflineLogForm } from "@/components/offline/offline-log-form";
import { feedingMethods, logKindFor } from "@/components/activities/log-fields";
import { toLocalInput } from "@/components/activities/zoned-time";
import { logEntryAction } from "../actions";

type Props = {
  params: Promise<{ locale: string; type: string }>;
  searchParams: Promise<{ child?: string; method?: string }>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ locale, type }, { method }] = await Promise.all([params, searchParams]);
  const kind = logKindFor(type, method);
  if (!kind) return {};
  const t = await getTranslations({ locale, namespace: "activity" });
  return { title: t(`kinds.${kind}`) };
}

/** The child home opens on: the first child of the user's first family that has one. */
async function firstChildId(actor: Actor): Promise<string | null> {
  const { families } = await getMe({ actor });
  for (const family of families) {
    const [child] = await listChildren({ actor, familyId: family.id });
    if (child) return child.id;
  }
  return null;
}

/** Another family's child, a deleted one or a malformed id: all simply not found. */
async function loadChild(actor: Actor, childParam: string) {
  try {
    return await getChild({ actor, childId: uuidParam(childParam, "child") });
  } catch (error) {
    if (error instanceof AppError && (error.kind === "not_found" || error.kind === "forbidden")) notFound();
    throw error;
  }
}

export default async function LogPage({ params, searchParams }: Props) {
  const [{ locale, type }, { child: childParam, method }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const kind = logKindFor(type, method);
  if (!kind) notFound();
  const actor = await sessionActor();
  const here = `/${locale}/log/${type}?${new URLSearchParams({ child: childParam ?? "", ...(method && { method }) })}`;
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(here)}`);
  if (!childParam) {
    // The app's shortcuts ("Log feed") open the form for the first child, as home shows them.
    const first = await firstChildId(actor);
    redirect(first ? `/${locale}/log/${type}?${new URLSearchParams({ child: first, ...(method && { method }) })}` : `/${locale}`);
  }
  const [child, me] = await Promise.all([loadChild(actor, childParam), getMe({ actor })]);
  const [t, ta] = await Promise.all([getTranslations("log"), getTranslations("activity")]);
  const home = `/?child=${child.id}`;
  return (
    <main id="main">
      <p>
        <Link href={home}>{t("back", { name: child.name })}</Link>
      </p>
      <h1>{t("title", { kind: ta(`kinds.${kind}`), name: child.name })}</h1>
      {type === "feeding" && (
        <nav aria-label={t("method")}>
          <ul className="tabs">
            {feedingMethods.map((m) => (
              <li key={m}>
                <Link href={`/log/feeding?child=${child.id}&method=${m}`} aria-current={m === kind ? "page" : undefined}>
                  {ta(`kinds.${m}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <OfflineLogForm childId={child.id} familyId={child.familyId} kind={kind} units={me.user.settings.units} timeZone={child.timezone}>
        <div className="card">
          <LogEntryForm
            key={kind}
            action={logEntryAction}
            kind={kind}
            childId={child.id}
            units={me.user.settings.units}
            defaults={{ startedAt: toLocalInput(new Date(), child.timezone) }}
          />
        </div>
      </OfflineLogForm>
      <p className="muted">{t("timeZoneNote", { zone: child.timezone })}</p>
    </main>
  );
}

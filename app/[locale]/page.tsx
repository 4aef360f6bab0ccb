import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { hasRole } from "@/lib/auth/roles";
import { getMe } from "@/lib/users/service";
import { getFamily } from "@/lib/families/service";
import { listChildren } from "@/lib/children/service";
import type { ActivityDto } from "@/lib/activities/schema";
import { ChildSwitcher } from "@/components/children/child-switcher";
import { EntryList } from "@/components/activities/entry-list";
import { QuickLog } from "@/components/activities/quick-log";
import { ToastViewport } from "@/components/activities/toast-viewport";
import { loadChildHome } from "@/components/home/load-child-home";
import { NextUp } from "@/components/home/next-up";
import { RefreshOnFocus } from "@/components/home/refresh-on-focus";
import { SinceTiles } from "@/components/home/since-tiles";
import { TodayTotals } from "@/components/home/today-totals";
import { AlertList } from "@/components/insights/alert-list";
import { loadAlerts, loadPredictions } from "@/components/insights/load-findings";
import { PredictionsCard } from "@/components/insights/predictions-card";
import { RunningTimers } from "@/components/timers/running-timers";
import { OfflineScopeProvider } from "@/components/offline/offline-scope";
import { PendingEntries } from "@/components/offline/pending-entries";
import styles from "@/components/home/home.module.css";
import { AddChildSection } from "./children/add-child-section";
import { deleteEntryAction, quickLogAction, removeEntryAction, restoreEntryAction } from "./log/actions";
import { controlTimerAction, startTimerAction } from "./timers/actions";
import { finishEntryAction } from "./entries/actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ child?: string }> };

const quickActions = { log: quickLogAction, remove: removeEntryAction, restore: restoreEntryAction };
const timerActions = { start: startTimerAction, control: controlTimerAction, remove: removeEntryAction };

/**
 * A child's home: running timers, time since the last feed / sleep / diaper, what is likely next,
 * the quick-log cards, today's totals and the recent entries. Server-rendered from the services;
 * the clocks, the stepper and the toasts are small client islands.
 */
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
  const canLog = hasRole(role, "caregiver");
  const units = user.settings.units;
  const [family, home, predictions, alerts] = await Promise.all([
    getFamily({ actor, familyId: child.familyId }),
    loadChildHome({ actor, child, user }),
    loadPredictions({ actor, child }),
    loadAlerts({ actor, child, sinceDays: 2 }),
  ]);
  const memberNames = Object.fromEntries(family.members.map((m) => [m.userId, m.name]));
  // Mirrors the service rule so the buttons only show where editing and deleting will work.
  const canModify = (entry: ActivityDto) => hasRole(role, "parent") || (canLog && entry.createdById === user.id);

  return (
    <OfflineScopeProvider value={{ childId: child.id, familyId: child.familyId, timeZone: child.timezone, units }}>
      <main id="main" className={styles.page}>
        <RefreshOnFocus />
        {children.length > 1 && <ChildSwitcher items={children} currentId={child.id} />}
        <h1>{child.name}</h1>
        <AlertList alerts={alerts.filter((a) => a.severity !== "info")} headingId="home-alerts-heading" />
        <SinceTiles home={home} />
        <PredictionsCard predictions={predictions} asleep={home.summary.asleep} timeZone={child.timezone} />
        <RunningTimers
          timers={home.timers}
          serverNow={home.now}
          timeZone={child.timezone}
          meId={user.id}
          memberNames={memberNames}
          actions={canLog ? timerActions : undefined}
        />
        {canLog && (
          <NextUp
            childId={child.id}
            units={units}
            home={home}
            actions={quickActions}
            timerActions={timerActions}
            finishEntry={finishEntryAction}
          />
        )}
        {canLog && (
          <section aria-labelledby="quick-log-heading">
            <h2 id="quick-log-heading">{t("quickLog")}</h2>
            <QuickLog
              childId={child.id}
              units={units}
              home={home}
              actions={quickActions}
              timerActions={timerActions}
              finishEntry={finishEntryAction}
            />
          </section>
        )}
        <section aria-labelledby="today-heading">
          <h2 id="today-heading">{t("today.title")}</h2>
          <TodayTotals home={home} units={units} timeZone={child.timezone} />
        </section>
        <section aria-labelledby="entries-heading">
          <h2 id="entries-heading">{t("entries")}</h2>
          <PendingEntries />
          <EntryList
            entries={home.recent}
            timeZone={child.timezone}
            units={units}
            memberNames={memberNames}
            meId={user.id}
            canDelete={canModify}
            deleteAction={deleteEntryAction}
            restoreAction={restoreEntryAction}
          />
        </section>
        {families.some((f) => hasRole(f.role, "parent")) && (
          <p>
            <Link href="/children/new">{t("addChild")}</Link>
          </p>
        )}
        <ToastViewport />
      </main>
    </OfflineScopeProvider>
  );
}

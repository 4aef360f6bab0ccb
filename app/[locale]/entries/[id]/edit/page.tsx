import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import type { Actor } from "@/lib/auth/actor";
import { getActivity } from "@/lib/activities/service";
import { getChild } from "@/lib/children/service";
import { getMe } from "@/lib/users/service";
import { AppError } from "@/lib/errors/app-error";
import { uuidParam } from "@/lib/http/request";
import { LogEntryForm } from "@/components/activities/log-entry-form";
import { entryFormValues } from "@/components/activities/entry-form-values";
import { entryKind } from "@/components/activities/entry-summary";
import { EditEntryDelete } from "@/components/activities/edit-entry-delete";
import { ToastViewport } from "@/components/activities/toast-viewport";
import { OfflineEdit } from "@/components/offline/offline-edit";
import { removeEntryAction, restoreEntryAction } from "../../../log/actions";
import { updateEntryAction } from "../../actions";

type Props = { params: Promise<{ locale: string; id: string }> };

/** Another family's entry, a deleted one or a malformed id: all simply not found. */
async function loadEntry(actor: Actor, id: string) {
  try {
    const entry = await getActivity({ actor, id: uuidParam(id, "activity") });
    return { entry, child: await getChild({ actor, childId: entry.childId }) };
  } catch (error) {
    if (error instanceof AppError && (error.kind === "not_found" || error.kind === "forbidden")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "entries" });
  return { title: t("editTitle") };
}

export default async function EditEntryPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/entries/${id}/edit`)}`);
  const [{ entry, child }, me] = await Promise.all([loadEntry(actor, id), getMe({ actor })]);
  const [t, tl, ta] = await Promise.all([getTranslations("entries"), getTranslations("log"), getTranslations("activity")]);
  const kind = entryKind(entry);
  const units = me.user.settings.units;
  const home = `/?child=${child.id}`;
  const defaults = entryFormValues(entry, kind, units, child.timezone);
  return (
    <main id="main">
      <p>
        <Link href={home}>{tl("back", { name: child.name })}</Link>
      </p>
      <h1>{t("editHeading", { kind: ta(`kinds.${kind}`), name: child.name })}</h1>
      <OfflineEdit
        entryId={entry.id}
        familyId={child.familyId}
        childId={child.id}
        kind={kind}
        units={units}
        timeZone={child.timezone}
        shown={defaults}
      >
        <div className="card">
          <LogEntryForm
            action={updateEntryAction}
            kind={kind}
            childId={child.id}
            units={units}
            defaults={defaults}
            hidden={{ entryId: entry.id, version: String(entry.version) }}
            idempotent={false}
            submitLabel={t("saveChanges")}
          />
        </div>
      </OfflineEdit>
      <p className="muted">{tl("timeZoneNote", { zone: child.timezone })}</p>
      <EditEntryDelete
        id={entry.id}
        kind={ta(`kinds.${kind}`)}
        homeHref={home}
        actions={{ remove: removeEntryAction, restore: restoreEntryAction }}
      />
      <ToastViewport />
    </main>
  );
}

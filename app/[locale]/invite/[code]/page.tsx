import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { AcceptInviteForm } from "@/components/invite/accept-invite-form";
import { acceptInviteAction } from "../actions";

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "invite" });
  return { title: t("title") };
}

/** Accepting is a button, not a page load, so link previews and prefetches never join a family. */
export default async function InvitePage({ params }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const [actor, t] = await Promise.all([sessionActor(), getTranslations("invite")]);
  const next = encodeURIComponent(`/${locale}/invite/${encodeURIComponent(code)}`);
  return (
    <main id="main">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {actor ? (
        <div className="card">
          <AcceptInviteForm action={acceptInviteAction} code={code} />
        </div>
      ) : (
        <div className="card stack">
          <p>{t("signedOut")}</p>
          <Link href={`/sign-in?next=${next}`} className="button">
            {t("signIn")}
          </Link>
          <Link href={`/sign-up?next=${next}`} className="button secondary">
            {t("signUp")}
          </Link>
        </div>
      )}
    </main>
  );
}

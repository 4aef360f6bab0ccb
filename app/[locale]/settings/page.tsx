import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { sessionActor } from "@/lib/auth/resolve";
import { getMe, listAccessTokens } from "@/lib/users/service";
import { isLocale, locales, defaultLocale } from "@/lib/i18n/config";
import { serverTranslator } from "@/lib/i18n/messages";
import { PreferencesForm } from "@/components/settings/preferences-form";
import { PasswordForm } from "@/components/settings/password-form";
import { TokenForm } from "@/components/settings/token-form";
import { TokenList } from "@/components/settings/token-list";
import { StorageStatus } from "@/components/pwa/storage-status";
import styles from "@/components/settings/settings.module.css";
import { signOutAction } from "../(auth)/actions";
import { SignOutButton } from "@/components/offline/sign-out-button";
import { StoredCount } from "@/components/offline/stored-count";
import { changePasswordAction, createTokenAction, revokeTokenAction, savePreferencesAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "settings" });
  return { title: t("title") };
}

/** "0:00"…"23:00" (or "12 AM"…) as this locale writes an hour of the day. */
function hourLabels(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" });
  return Array.from({ length: 24 }, (_, hour) => format.format(Date.UTC(2000, 0, 1, hour)));
}

export default async function SettingsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/settings`)}`);
  const [{ user }, tokens, t, tp] = await Promise.all([
    getMe({ actor }),
    listAccessTokens({ actor }),
    getTranslations("settings"),
    getTranslations("pwa.storage"),
  ]);
  const pageLocale = isLocale(locale) ? locale : defaultLocale;
  // Each language named in itself, whatever language the page is in.
  const languages = locales.map((l) => ({ locale: l, name: serverTranslator(l, "nav")(`languageName.${l}`) }));
  return (
    <main id="main">
      <h1>{t("title")}</h1>

      <section aria-labelledby="preferences-heading" className={styles.section}>
        <h2 id="preferences-heading">{t("preferences.heading")}</h2>
        <div className="card">
          <PreferencesForm
            action={savePreferencesAction}
            settings={user.settings}
            locale={pageLocale}
            languages={languages}
            hourLabels={hourLabels(locale)}
          />
        </div>
      </section>

      <section aria-labelledby="password-heading" className={styles.section}>
        <h2 id="password-heading">{t("password.heading")}</h2>
        <div className="card">
          <PasswordForm action={changePasswordAction} email={user.email} />
        </div>
      </section>

      <section aria-labelledby="tokens-heading" className={styles.section}>
        <h2 id="tokens-heading">{t("tokens.heading")}</h2>
        <p className="muted">{t("tokens.intro")}</p>
        <div className="card">
          <TokenList tokens={tokens} revoke={revokeTokenAction} />
        </div>
        <div className="card">
          <TokenForm action={createTokenAction} />
        </div>
      </section>

      <section aria-labelledby="storage-heading" className={styles.section}>
        <h2 id="storage-heading">{tp("heading")}</h2>
        <div className="card">
          <StorageStatus />
          <StoredCount />
        </div>
      </section>

      <section aria-labelledby="account-heading" className={styles.section}>
        <h2 id="account-heading">{t("account.heading")}</h2>
        <p>{t("account.signedInAs", { name: user.name, email: user.email })}</p>
        <SignOutButton action={signOutAction} label={t("account.signOut")} />
      </section>
    </main>
  );
}

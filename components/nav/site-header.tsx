import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { updateMe } from "@/lib/users/service";
import { currentTheme, isTheme, setThemeCookie } from "@/lib/ui/theme";
import { LiveConnection } from "@/components/realtime/live-connection";
import { OfflineSync } from "@/components/offline/offline-sync";
import { SignOutButton } from "@/components/offline/sign-out-button";
import { LocaleSwitch } from "./locale-switch";
import { ThemeToggle } from "./theme-toggle";
import styles from "./site-header.module.css";

/** The header's theme switch: this device's cookie, and the account's setting when signed in. */
async function saveTheme(formData: FormData) {
  "use server";
  const theme = formData.get("theme");
  if (!isTheme(theme)) return;
  await setThemeCookie(theme);
  const actor = await sessionActor();
  if (actor) await updateMe({ actor, input: { settings: { theme } } });
}

/** App name, language menu, dark-mode toggle, and when signed in the live connection and sign-out. */
export async function SiteHeader({ signOut }: { signOut: () => Promise<void> }) {
  const [t, app, actor, theme] = await Promise.all([getTranslations("nav"), getTranslations("app"), sessionActor(), currentTheme()]);
  return (
    <header className={`site-header ${styles.header}`}>
      <a href="#main" className={styles.skipLink}>
        {t("skipToContent")}
      </a>
      <Link href="/" className="brand">
        {app("name")}
      </Link>
      <div className={styles.tools}>
        {actor && <LiveConnection />}
        {actor && <OfflineSync userId={actor.userId} />}
        <Suspense>
          <LocaleSwitch />
        </Suspense>
        <ThemeToggle theme={theme} save={saveTheme} />
        {actor && <SignOutButton action={signOut} label={t("signOut")} />}
      </div>
    </header>
  );
}

import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { LocaleSwitch } from "./locale-switch";

/** App name, language switch, and sign-out when signed in. */
export async function SiteHeader({ signOut }: { signOut: () => Promise<void> }) {
  const [t, app, actor] = await Promise.all([getTranslations("nav"), getTranslations("app"), sessionActor()]);
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <Link href="/" className="brand">
        {app("name")}
      </Link>
      <nav className="row" aria-label={t("label")}>
        <LocaleSwitch />
        {actor && (
          <form action={signOut}>
            <button type="submit" className="secondary">
              {t("signOut")}
            </button>
          </form>
        )}
      </nav>
    </header>
  );
}

import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RetryButton } from "@/components/pwa/retry-button";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "pwa.offline" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * Precached by the service worker and shown in place of a page that fails offline and was never
 * opened on this device (visited pages come from the page cache instead).
 */
export default async function OfflinePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("pwa.offline");
  return (
    <main id="main">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <RetryButton />
      </p>
      <p>
        {/* A plain link: a full navigation, so the service worker can answer it offline. */}
        <a href={`/${locale}`}>{t("home")}</a>
      </p>
    </main>
  );
}

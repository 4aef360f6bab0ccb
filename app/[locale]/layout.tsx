import type { ReactNode } from "react";
import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { SiteHeader } from "@/components/nav/site-header";
import { AppNav } from "@/components/nav/app-nav";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { localeDirection } from "@/lib/i18n/config";
import { currentTheme } from "@/lib/ui/theme";
import { ServiceWorkerRegistrar } from "@/components/pwa/service-worker-registrar";
import { manifestPath } from "@/lib/pwa/manifest";
import { signOutAction } from "./(auth)/actions";
import "../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "app" });
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
    // Each locale's manifest opens the installed app in that locale.
    manifest: hasLocale(routing.locales, locale) ? manifestPath(locale) : undefined,
    appleWebApp: { capable: true, title: t("name"), statusBarStyle: "default" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f5f2" },
    { media: "(prefers-color-scheme: dark)", color: "#14161a" },
  ],
};

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const theme = await currentTheme();
  return (
    <html lang={locale} dir={localeDirection(locale)} data-theme={theme}>
      <body>
        <NextIntlClientProvider>
          <RealtimeProvider>
            <SiteHeader signOut={signOutAction} />
            {children}
            <AppNav />
            <ServiceWorkerRegistrar />
          </RealtimeProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

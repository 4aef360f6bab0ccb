import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { buildManifest } from "@/lib/pwa/manifest";

export const dynamic = "force-static";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

/** The web app manifest for one locale (linked from that locale's pages). */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response("Not found", { status: 404 });
  return new Response(JSON.stringify(buildManifest(locale)), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8" },
  });
}

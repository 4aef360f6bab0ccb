import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { AddChildSection } from "../add-child-section";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ family?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "children" });
  return { title: t("newTitle") };
}

export default async function NewChildPage({ params, searchParams }: Props) {
  const [{ locale }, { family }] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/children/new`)}`);
  const t = await getTranslations("children");
  return (
    <main id="main">
      <p>
        <Link href={family ? `/family?family=${family}` : "/"}>{t("back")}</Link>
      </p>
      <h1>{t("newTitle")}</h1>
      <AddChildSection actor={actor} familyId={family} />
    </main>
  );
}

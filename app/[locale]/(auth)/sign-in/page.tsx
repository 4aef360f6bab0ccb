import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { isLocale } from "@/lib/i18n/config";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNext } from "../../action-state";
import { signInAction } from "../actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("signInTitle") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { next } = await searchParams;
  const target = isLocale(locale) ? safeNext(next, locale) : `/${locale}`;
  if (await sessionActor()) redirect(target);
  const t = await getTranslations("auth");
  const query = next ? `?next=${encodeURIComponent(target)}` : "";
  return (
    <main id="main">
      <h1>{t("signInTitle")}</h1>
      <div className="card">
        <SignInForm action={signInAction} next={next ? target : undefined} />
      </div>
      <p>
        {t("noAccount")} <Link href={`/sign-up${query}`}>{t("signUp")}</Link>
      </p>
    </main>
  );
}

import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { isLocale } from "@/lib/i18n/config";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeNext } from "../../action-state";
import { signUpAction } from "../actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("signUpTitle") };
}

export default async function SignUpPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { next } = await searchParams;
  const target = isLocale(locale) ? safeNext(next, locale) : `/${locale}`;
  if (await sessionActor()) redirect(target);
  const t = await getTranslations("auth");
  const query = next ? `?next=${encodeURIComponent(target)}` : "";
  return (
    <main id="main">
      <h1>{t("signUpTitle")}</h1>
      <p className="muted">{t("signUpIntro")}</p>
      <div className="card">
        <SignUpForm action={signUpAction} next={next ? target : undefined} />
      </div>
      <p>
        {t("haveAccount")} <Link href={`/sign-in${query}`}>{t("signIn")}</Link>
      </p>
    </main>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { getMe } from "@/lib/users/service";
import { listChildren } from "@/lib/children/service";
import { AddChildForm } from "@/components/children/add-child-form";
import { RenameFamilyForm } from "@/components/family/rename-family-form";
import { can } from "@/components/family/permissions";
import { OnboardingSteps, onboardingSteps, type OnboardingStep } from "./onboarding-steps";
import styles from "./welcome.module.css";
import { addFirstChildAction, nameFamilyAction } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ step?: string; child?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "onboarding" });
  return { title: t("title") };
}

/** After sign-up: name the family → add the first child → log the first entry. Every step skippable. */
export default async function WelcomePage({ params, searchParams }: Props) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/welcome`)}`);
  const [{ user, families }, t] = await Promise.all([getMe({ actor }), getTranslations("onboarding")]);
  // The family made at sign-up (the first one the user may manage); without one there is nothing to set up.
  const family = families.find((f) => can.manageChildren(f.role));
  if (!family) redirect(`/${locale}`);
  const step: OnboardingStep = onboardingSteps.includes(query.step as OnboardingStep) ? (query.step as OnboardingStep) : "family";

  let body;
  if (step === "family") {
    body = (
      <>
        <h2 id="step-heading">{t("family.heading")}</h2>
        <p className="muted">{t("family.intro")}</p>
        <div className="card">
          <RenameFamilyForm
            action={nameFamilyAction}
            familyId={family.id}
            name={family.name}
            submitLabel={t("next")}
            pendingLabel={t("saving")}
          />
        </div>
      </>
    );
  } else if (step === "child") {
    body = (
      <>
        <h2 id="step-heading">{t("child.heading")}</h2>
        <p className="muted">{t("child.intro")}</p>
        <div className="card">
          <AddChildForm
            action={addFirstChildAction}
            familyId={family.id}
            timeZones={Intl.supportedValuesOf("timeZone")}
            submitLabel={t("next")}
          />
        </div>
      </>
    );
  } else {
    const children = await listChildren({ actor, familyId: family.id });
    const child = children.find((c) => c.id === query.child) ?? children[0];
    body = (
      <>
        <h2 id="step-heading">{t("log.heading")}</h2>
        <p>{child ? t("log.intro", { name: child.name }) : t("log.noChild")}</p>
        {child ? (
          <Link href={`/?child=${child.id}#quick-log-heading`} className={`button ${styles.cta}`}>
            {t("log.cta")}
          </Link>
        ) : (
          <Link href="/welcome?step=child" className={`button ${styles.cta}`}>
            {t("child.heading")}
          </Link>
        )}
      </>
    );
  }

  return (
    <main id="main">
      <h1>{t("heading", { name: user.name })}</h1>
      <OnboardingSteps current={step} />
      <section aria-labelledby="step-heading" className={styles.step}>
        {body}
      </section>
      {step !== "log" && (
        <p className={styles.skip}>
          <Link href="/">{t("skip")}</Link>
        </p>
      )}
    </main>
  );
}

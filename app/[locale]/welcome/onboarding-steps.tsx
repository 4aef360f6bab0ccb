import { getTranslations } from "next-intl/server";
import styles from "./welcome.module.css";

export const onboardingSteps = ["family", "child", "log"] as const;
export type OnboardingStep = (typeof onboardingSteps)[number];

/** Where the user is in the setup: an ordered list, the current step marked aria-current="step". */
export async function OnboardingSteps({ current }: { current: OnboardingStep }) {
  const t = await getTranslations("onboarding");
  const index = onboardingSteps.indexOf(current);
  return (
    <nav aria-label={t("steps.label")}>
      <p className="muted">{t("steps.progress", { step: index + 1, total: onboardingSteps.length })}</p>
      <ol className={styles.steps}>
        {onboardingSteps.map((step, i) => (
          <li
            key={step}
            aria-current={step === current ? "step" : undefined}
            data-done={i < index || undefined}
            className={styles.stepItem}
          >
            {t(`steps.${step}`)}
          </li>
        ))}
      </ol>
    </nav>
  );
}

"use client";

import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import type { UserDto } from "@/lib/users/schema";
import { ChoiceGroup, Field, FormMessage, controlProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import styles from "./settings.module.css";

export type SettingsState = FormState & { saved?: boolean };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<SettingsState>;
  settings: UserDto["settings"];
  /** The language this page is shown in (saving another one moves the page to it). */
  locale: Locale;
  /** Each locale named in its own language. */
  languages: { locale: Locale; name: string }[];
  /** "0:00" … "23:00" in the user's locale, made on the server so both renders agree. */
  hourLabels: string[];
};

export function PreferencesForm({ action, settings, locale, languages, hourLabels }: Props) {
  const t = useTranslations("settings.preferences");
  const [state, formAction] = useFormAction(action);
  const f = state.fields ?? {};
  const v = state.values ?? {};
  // React resets a form after its action, and a select resets to the option it was first
  // rendered with: keyed by its value, a select is rendered anew whenever that value changes.
  const dayStartHour = v.dayStartHour ?? String(settings.dayStartHour);
  const language = v.locale ?? locale;
  return (
    // No form restoration on reload: the page shows what is saved, not what was last on screen.
    <form action={formAction} className="stack" noValidate autoComplete="off">
      <FormMessage message={state.message} />
      <ChoiceGroup
        name="units"
        legend={t("units")}
        value={v.units ?? settings.units}
        error={f.units}
        options={[
          { value: "metric", label: t("metric") },
          { value: "imperial", label: t("imperial") },
        ]}
      />
      <Field name="dayStartHour" label={t("dayStart")} hint={t("dayStartHint")} error={f.dayStartHour}>
        <select
          {...controlProps("dayStartHour", { error: f.dayStartHour, hint: t("dayStartHint") })}
          key={dayStartHour}
          defaultValue={dayStartHour}
        >
          {hourLabels.map((label, hour) => (
            <option key={hour} value={hour}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="locale" label={t("language")} error={f.locale}>
        <select {...controlProps("locale", { error: f.locale })} key={language} defaultValue={language}>
          {languages.map((language) => (
            <option key={language.locale} value={language.locale} lang={language.locale}>
              {language.name}
            </option>
          ))}
        </select>
      </Field>
      <ChoiceGroup
        name="theme"
        legend={t("theme")}
        value={v.theme ?? settings.theme}
        error={f.theme}
        options={[
          { value: "system", label: t("themes.system") },
          { value: "light", label: t("themes.light") },
          { value: "dark", label: t("themes.dark") },
        ]}
      />
      <div className={styles.actionsRow}>
        <SubmitButton label={t("save")} pendingLabel={t("saving")} />
        <span role="status" className="muted">
          {(state as SettingsState).saved ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}

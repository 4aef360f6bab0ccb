"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { ChoiceGroup, Field, FormMessage, controlProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";

const noSubscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverTimeZone = () => "";

export type ChildFormDefaults = {
  familyId?: string;
  name?: string;
  birthDate?: string;
  sex?: string;
  timezone?: string;
  gestationalAgeWeeks?: string;
};

type Props = {
  action: FormAction;
  /** Ids the action needs (familyId when adding; childId and version when editing). */
  hidden: Record<string, string>;
  timeZones: string[];
  submitLabel: string;
  pendingLabel: string;
  defaults?: ChildFormDefaults;
  /** Families to add the child to, when the user may add to more than one. */
  families?: { id: string; name: string }[];
};

/** Name, birth date, sex, time zone (the phone's unless set) and optional gestational age. */
export function ChildForm({ action, hidden, timeZones, submitLabel, pendingLabel, defaults = {}, families }: Props) {
  const t = useTranslations("children");
  const [state, formAction] = useFormAction(action);
  // The server cannot know the phone's zone; the client fills it in right after hydration.
  const detectedZone = useSyncExternalStore(noSubscribe, browserTimeZone, serverTimeZone);
  const f = state.fields ?? {};
  const v = { ...defaults, ...state.values };
  // Keyed by value so React's reset after the action keeps the choice (see PreferencesForm).
  const familyId = v.familyId ?? families?.[0]?.id ?? "";
  return (
    // No form restoration on reload: an edit page shows what is saved, not what was typed before.
    <form action={formAction} className="stack" noValidate autoComplete="off">
      <FormMessage message={state.message} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {families && families.length > 1 && (
        <Field name="familyId" label={t("family")} error={f.familyId}>
          <select {...controlProps("familyId", { error: f.familyId })} key={familyId} defaultValue={familyId}>
            {families.map((family) => (
              <option key={family.id} value={family.id}>
                {family.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field name="name" label={t("name")} error={f.name}>
        <input {...controlProps("name", { error: f.name })} autoComplete="off" required maxLength={60} defaultValue={v.name} />
      </Field>
      <Field name="birthDate" label={t("birthDate")} error={f.birthDate}>
        <input {...controlProps("birthDate", { error: f.birthDate })} type="date" required defaultValue={v.birthDate} />
      </Field>
      <ChoiceGroup
        name="sex"
        legend={t("sex")}
        required
        value={v.sex}
        error={f.sex}
        options={[
          { value: "female", label: t("female") },
          { value: "male", label: t("male") },
        ]}
      />
      <Field name="timezone" label={t("timezone")} hint={t("timezoneHint")} error={f.timezone}>
        <input
          {...controlProps("timezone", { error: f.timezone, hint: t("timezoneHint") })}
          list="time-zones"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          defaultValue={v.timezone ?? detectedZone}
        />
      </Field>
      <datalist id="time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <Field name="gestationalAgeWeeks" label={t("gestationalAge")} hint={t("gestationalAgeHint")} error={f.gestationalAgeWeeks}>
        <input
          {...controlProps("gestationalAgeWeeks", { error: f.gestationalAgeWeeks, hint: t("gestationalAgeHint") })}
          type="number"
          inputMode="numeric"
          min={22}
          max={44}
          step={1}
          defaultValue={v.gestationalAgeWeeks}
        />
      </Field>
      <SubmitButton label={submitLabel} pendingLabel={pendingLabel} className="primary-action" />
    </form>
  );
}

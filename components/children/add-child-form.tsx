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

/** Name, birth date, sex, time zone (the phone's unless changed) and optional gestational age. */
export function AddChildForm({ action, familyId, timeZones }: { action: FormAction; familyId: string; timeZones: string[] }) {
  const t = useTranslations("children");
  const [state, formAction] = useFormAction(action);
  // The server cannot know the phone's zone; the client fills it in right after hydration.
  const detectedZone = useSyncExternalStore(noSubscribe, browserTimeZone, serverTimeZone);
  const f = state.fields ?? {};
  const v = state.values ?? {};
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="familyId" value={familyId} />
      <Field name="name" label={t("name")} error={f.name}>
        <input {...controlProps("name", { error: f.name })} autoComplete="off" required defaultValue={v.name} />
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
          step={1}
          defaultValue={v.gestationalAgeWeeks}
        />
      </Field>
      <SubmitButton label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}

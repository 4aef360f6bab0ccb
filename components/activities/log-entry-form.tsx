"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { ChoiceGroup, Field, FormMessage, controlProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IdempotencyKey } from "@/components/forms/idempotency-key";
import type { FormAction } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { logFields, type FieldSpec, type LogKind } from "./log-fields";
import { MultiChoice } from "./multi-choice";
import { displayUnit, type UnitSystem } from "./units";

type Props = {
  action: FormAction;
  kind: LogKind;
  childId: string;
  units: UnitSystem;
  /** Initial values by input name (the time defaults to now in the child's zone). */
  defaults: Record<string, string>;
  /** Extra hidden inputs (an edit sends the entry's id and version). */
  hidden?: Record<string, string>;
  submitLabel?: string;
  /** A new entry carries a client-made id, so a double tap or a retry saves it once. */
  idempotent?: boolean;
};

/** The form for one kind of entry, built from its field list; the server converts and validates. */
export function LogEntryForm({ action, kind, childId, units, defaults, hidden = {}, submitLabel, idempotent = true }: Props) {
  const t = useTranslations("log");
  const tu = useTranslations("units");
  const [state, formAction] = useFormAction(action, t("unreachable"));
  const formRef = useRef<HTMLFormElement>(null);
  const values = state.values ?? defaults;
  const errors = state.fields ?? {};

  // After a failed save, put the keyboard and screen reader on the first field to fix.
  useEffect(() => {
    if (state.status !== "error") return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid?.matches("fieldset") ? invalid.querySelector<HTMLElement>("input") : invalid;
    target?.focus();
  }, [state]);

  const label = (field: FieldSpec) => {
    const key = fieldKey(field);
    // Some kinds name a field their own way (a sleep "starts" when the baby fell asleep).
    const own = `kindFields.${kind}.${key}`;
    const name = t.has(own) ? t(own) : t(`fields.${key}`);
    const base =
      field.kind === "number" && field.quantity ? t("withUnit", { label: name, unit: tu(displayUnit(field.quantity, units)) }) : name;
    return "optional" in field && field.optional ? t("optional", { label: base }) : base;
  };

  return (
    <form ref={formRef} action={formAction} className="stack" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="childId" value={childId} />
      {idempotent && <IdempotencyKey />}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {logFields[kind].map((field) => {
        const key = fieldKey(field);
        const error = errors[field.name];
        const hint = "hint" in field && field.hint ? t(`hints.${key}`) : undefined;
        const props = controlProps(field.name, { error, hint });
        switch (field.kind) {
          case "choice":
            if (field.style === "radio") {
              return (
                <ChoiceGroup
                  key={field.name}
                  name={field.name}
                  legend={label(field)}
                  value={values[field.name]}
                  error={error}
                  required={!field.optional}
                  options={field.options.map((o) => ({ value: o, label: t(`options.${key}.${o}`) }))}
                />
              );
            }
            return (
              <Field key={field.name} name={field.name} label={label(field)} error={error}>
                <select {...props} defaultValue={values[field.name] ?? ""}>
                  <option value="">{t("choose")}</option>
                  {field.options.map((o) => (
                    <option key={o} value={o}>
                      {t(`options.${key}.${o}`)}
                    </option>
                  ))}
                </select>
              </Field>
            );
          case "multi":
            return (
              <MultiChoice
                key={field.name}
                name={field.name}
                legend={label(field)}
                selected={(values[field.name] ?? "").split(",").filter(Boolean)}
                error={error}
                options={field.options.map((o) => ({ value: o, label: t(`options.${key}.${o}`) }))}
              />
            );
          case "checkbox":
            return (
              <div key={field.name} className="field" data-field={field.name}>
                <label className="check">
                  <input type="checkbox" name={field.name} defaultChecked={values[field.name] === "on"} />
                  <span>{t(`fields.${key}`)}</span>
                </label>
              </div>
            );
          case "textarea":
            return (
              <Field key={field.name} name={field.name} label={label(field)} hint={hint} error={error}>
                <textarea {...props} rows={4} defaultValue={values[field.name]} />
              </Field>
            );
          default:
            return (
              <Field key={field.name} name={field.name} label={label(field)} hint={hint} error={error}>
                <input
                  {...props}
                  type={field.kind === "datetime" ? "datetime-local" : field.kind === "number" ? "number" : "text"}
                  inputMode={field.kind === "number" ? (field.quantity === "duration" ? "numeric" : "decimal") : undefined}
                  step={field.kind === "number" ? "any" : undefined}
                  autoComplete="off"
                  aria-required={"optional" in field && field.optional ? undefined : true}
                  defaultValue={values[field.name]}
                />
              </Field>
            );
        }
      })}
      <SubmitButton label={submitLabel ?? t("save")} pendingLabel={t("saving")} className="primary-action" />
    </form>
  );
}

function fieldKey(field: FieldSpec): string {
  return field.name.replace(/^details\./, "");
}

import type { ReactNode } from "react";

export function fieldIds(name: string) {
  const base = `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return { input: base, hint: `${base}-hint`, error: `${base}-error` };
}

/** id, name and the aria wiring that ties an input to its hint and error. */
export function controlProps(name: string, { error, hint }: { error?: string; hint?: string }) {
  const ids = fieldIds(name);
  const describedBy = [hint && ids.hint, error && ids.error].filter(Boolean).join(" ");
  return {
    id: ids.input,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
}

/** The error slot is always rendered so screen readers announce it when it fills. */
export function FieldError({ name, error }: { name: string; error?: string }) {
  return (
    <p id={fieldIds(name).error} className="field-error" aria-live="polite">
      {error}
    </p>
  );
}

export function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  const ids = fieldIds(name);
  return (
    <div className="field" data-field={name}>
      <label htmlFor={ids.input}>{label}</label>
      {children}
      {hint && (
        <p id={ids.hint} className="hint">
          {hint}
        </p>
      )}
      <FieldError name={name} error={error} />
    </div>
  );
}

/**
 * Radio buttons as a fieldset: the legend labels the group, each option its own big target. The
 * radiogroup role is what lets the fieldset say it is required (a plain group may not: axe aria-allowed-attr).
 */
export function ChoiceGroup({
  name,
  legend,
  options,
  value,
  error,
  required,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
  required?: boolean;
}) {
  const ids = fieldIds(name);
  return (
    <fieldset
      role="radiogroup"
      className="field choices"
      data-field={name}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? ids.error : undefined}
      aria-required={required || undefined}
    >
      <legend>{legend}</legend>
      <div className="choice-row">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input type="radio" name={name} value={option.value} defaultChecked={value === option.value} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError name={name} error={error} />
    </fieldset>
  );
}

/** A message for the whole form, announced as soon as it appears. */
export function FormMessage({ message }: { message?: string }) {
  return (
    <div className="form-error" role="alert" aria-live="assertive">
      {message}
    </div>
  );
}

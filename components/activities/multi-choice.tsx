import { FieldError, fieldIds } from "@/components/ui/field";

/** Checkboxes of one name as a fieldset (allergens introduced): any number may be chosen. */
export function MultiChoice({
  name,
  legend,
  options,
  selected,
  error,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  error?: string;
}) {
  const ids = fieldIds(name);
  return (
    <fieldset
      className="field choices"
      data-field={name}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? ids.error : undefined}
    >
      <legend>{legend}</legend>
      <div className="choice-row">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input type="checkbox" name={name} value={option.value} defaultChecked={selected.includes(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <FieldError name={name} error={error} />
    </fieldset>
  );
}

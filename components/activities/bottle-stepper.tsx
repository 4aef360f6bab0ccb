"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { FieldError, fieldIds } from "@/components/ui/field";
import type { QuickActions } from "./quick-types";
import type { UnitSystem } from "./units";
import { useQuickSave } from "./use-quick-save";
import styles from "./quick-log.module.css";

const MILKS = ["formula", "breast_milk", "mixed"] as const;
const STEP: Record<UnitSystem, number> = { metric: 10, imperial: 0.5 };
const MAX: Record<UnitSystem, number> = { metric: 500, imperial: 16.5 };

type Props = {
  childId: string;
  units: UnitSystem;
  /** The last bottle's amount in display units (or a usual first amount) and milk. */
  amount: number;
  milk: string;
  actions: QuickActions;
};

/** A bottle in two taps: adjust from the last amount if needed, then Save. */
export function BottleStepper({ childId, units, amount: initialAmount, milk: initialMilk, actions }: Props) {
  const t = useTranslations("quickLog");
  const tu = useTranslations("units");
  const tl = useTranslations("log");
  const { save, pendingKey } = useQuickSave(actions);
  const [amount, setAmount] = useState(String(initialAmount));
  const [milk, setMilk] = useState(initialMilk);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const unit = tu(units === "imperial" ? "oz" : "ml");
  const step = STEP[units];
  const amountField = "q-bottle-amount";
  const milkField = "q-bottle-milk";
  const amountError = errors["details.amountMl"];
  const milkError = errors["details.milk"];

  function stepBy(direction: 1 | -1) {
    const current = Number(amount.replace(",", "."));
    const base = Number.isFinite(current) && amount.trim() !== "" ? current : initialAmount;
    const next = Math.min(MAX[units], Math.max(step, Math.round((base + direction * step) / step) * step));
    setAmount(String(Number(next.toFixed(1))));
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    save("bottle", { childId, kind: "bottle", values: { "details.amountMl": amount, "details.milk": milk } }, (result) => {
      if (result.status === "ok") {
        setErrors({});
        setMessage(null);
      } else {
        setErrors(result.fields ?? {});
        setMessage(result.message ?? null);
      }
    });
  }

  return (
    <form className={styles.block} onSubmit={submit} noValidate aria-label={t("bottle.form")}>
      <div className="field">
        <label htmlFor={fieldIds(amountField).input}>{t("bottle.amount", { unit })}</label>
        <div className={styles.stepper}>
          <button
            type="button"
            className={styles.stepButton}
            onClick={() => stepBy(-1)}
            aria-label={t("bottle.less", { step, unit })}
            aria-controls={fieldIds(amountField).input}
          >
            <span aria-hidden="true">−</span>
          </button>
          <input
            id={fieldIds(amountField).input}
            name="details.amountMl"
            className={styles.amount}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={amountError ? true : undefined}
            aria-describedby={amountError ? fieldIds(amountField).error : undefined}
          />
          <button
            type="button"
            className={styles.stepButton}
            onClick={() => stepBy(1)}
            aria-label={t("bottle.more", { step, unit })}
            aria-controls={fieldIds(amountField).input}
          >
            <span aria-hidden="true">+</span>
          </button>
        </div>
        <FieldError name={amountField} error={amountError} />
      </div>
      <fieldset className="field choices" aria-invalid={milkError ? true : undefined}>
        <legend>{tl("fields.milk")}</legend>
        <div className="choice-row">
          {MILKS.map((m) => (
            <label key={m} className="choice">
              <input type="radio" name={milkField} value={m} checked={milk === m} onChange={() => setMilk(m)} />
              <span>{tl(`options.milk.${m}`)}</span>
            </label>
          ))}
        </div>
        <FieldError name={milkField} error={milkError} />
      </fieldset>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className={styles.save} aria-disabled={pendingKey !== null}>
        {pendingKey ? tl("saving") : t("bottle.save")}
      </button>
    </form>
  );
}

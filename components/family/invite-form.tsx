"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/roles";
import { Field, FormMessage, controlProps } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/components/forms/form-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { CopyButton } from "./copy-button";
import styles from "./family.module.css";

export type CreatedInvite = { url: string; role: Role; expiresAt: string; qrDataUri: string };
export type InviteState = FormState & { invite?: CreatedInvite };

type Props = { action: (state: FormState, formData: FormData) => Promise<InviteState>; familyId: string; roles: Role[] };

/** Choose a role (and optionally the invitee's email), then share the link or its QR code. */
export function InviteForm({ action, familyId, roles }: Props) {
  const t = useTranslations("family");
  const locale = useLocale();
  const [state, formAction] = useFormAction(action);
  const { invite } = state as InviteState;
  const f = state.fields ?? {};
  const v = state.values ?? {};
  const roleHint = t("invite.roleHint");
  // Keyed by value so React's reset after the action keeps the role just used (see PreferencesForm).
  const chosen = v.role ?? (roles.includes("caregiver") ? "caregiver" : roles[0]);
  return (
    <>
      <form action={formAction} className="stack" noValidate>
        <FormMessage message={state.message} />
        <input type="hidden" name="familyId" value={familyId} />
        <Field name="role" label={t("invite.role")} hint={roleHint} error={f.role}>
          <select {...controlProps("role", { error: f.role, hint: roleHint })} key={chosen} defaultValue={chosen}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="email" label={t("invite.email")} hint={t("invite.emailHint")} error={f.email}>
          <input
            {...controlProps("email", { error: f.email, hint: t("invite.emailHint") })}
            type="email"
            inputMode="email"
            autoComplete="off"
            defaultValue={v.email}
          />
        </Field>
        <SubmitButton label={t("invite.create")} pendingLabel={t("invite.creating")} />
      </form>
      {invite && (
        <section className={styles.inviteResult} aria-labelledby="invite-ready-heading">
          <h3 id="invite-ready-heading">{t("invite.ready", { role: t(`roles.${invite.role}`) })}</h3>
          <div className="field">
            <label htmlFor="invite-link">{t("invite.link")}</label>
            <input
              id="invite-link"
              readOnly
              value={invite.url}
              dir="ltr"
              spellCheck={false}
              onFocus={(event) => event.currentTarget.select()}
              className={styles.linkInput}
            />
          </div>
          <CopyButton text={invite.url} label={t("invite.copy")} copiedLabel={t("invite.copied")} failedLabel={t("invite.copyFailed")} />
          {/* Dark modules on a light square whatever the theme, or phones cannot scan it. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- an inline data: SVG made on the server */}
          <img src={invite.qrDataUri} alt={t("invite.qr")} width={192} height={192} className={styles.qr} />
          <p>
            {t("invite.expires", {
              date: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(invite.expiresAt)),
            })}{" "}
            {t("invite.once")}
          </p>
        </section>
      )}
    </>
  );
}

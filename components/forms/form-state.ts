/** What a form's server action returns to `useActionState`. */
export type FormState = {
  status: "idle" | "error";
  /** A translated message for the whole form (wrong password, not allowed…). */
  message?: string;
  /** Translated errors keyed by input name. */
  fields?: Record<string, string>;
  /** What the user typed, so the form can show it again after an error. */
  values?: Record<string, string>;
};

export const initialFormState: FormState = { status: "idle" };

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

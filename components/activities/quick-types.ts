import type { FormState } from "@/components/forms/form-state";
import type { LogKind } from "./log-fields";

/** A saved entry as the undo toast needs it: what to say, and where its edit page is. */
export type SavedEntry = { id: string; message: string; editHref: string };

export type QuickLogInput = {
  /** Made on the phone: a double tap or a retry sends the same id and saves once. */
  id: string;
  childId: string;
  kind: LogKind;
  /** Form-shaped values in display units ("details.amountMl": "120"); the time defaults to now. */
  values: Record<string, string>;
};

export type QuickResult = { status: "ok"; entry: SavedEntry } | (FormState & { status: "error" });
export type SimpleResult = { status: "ok"; message?: string } | { status: "error"; message: string };

/** The server actions the home islands call, passed down as props. */
export type QuickActions = {
  log: (input: QuickLogInput) => Promise<QuickResult>;
  remove: (id: string) => Promise<SimpleResult>;
  restore: (id: string) => Promise<SimpleResult>;
};

export type TimerStartInput = { childId: string; type: "feeding" | "sleep" | "pumping" | "tummy_time"; side?: "left" | "right" };
export type TimerControl = "pause" | "resume" | "switch_side" | "stop";
export type TimerResult = { status: "ok"; entry?: SavedEntry } | { status: "error"; message: string };

export type TimerActions = {
  start: (input: TimerStartInput) => Promise<TimerResult>;
  /** `version` is the timer as the phone showed it; a control meant for an older state is ignored. */
  control: (input: { id: string; action: TimerControl; version: number }) => Promise<TimerResult>;
  /** Removes the entry a stop wrote (the undo of a stop). */
  remove: (id: string) => Promise<SimpleResult>;
};

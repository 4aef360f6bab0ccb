"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/resolve";
import { getMe } from "@/lib/users/service";
import { applyTimerAction, getTimer, startTimer } from "@/lib/timers/service";
import { uuidParam } from "@/lib/http/request";
import { savedEntry } from "@/components/activities/describe-entry";
import type { TimerControl, TimerResult, TimerStartInput } from "@/components/activities/quick-types";
import { actionLocale, errorState } from "../action-state";

/** Starts a shared timer; when another phone already started one, that one simply shows. */
export async function startTimerAction(input: TimerStartInput): Promise<TimerResult> {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  try {
    await startTimer({ actor, input: { childId: input?.childId, type: input?.type, ...(input?.side && { side: input.side }) } });
  } catch (error) {
    return failure(error, locale);
  }
  revalidatePath("/", "layout");
  return { status: "ok" };
}

/**
 * Pause, resume, switch side or stop; stop answers with the entry it wrote, for the undo toast.
 * A control sent for a version the timer has left (the second tap of a double tap, or a partner
 * acted first) changes nothing: the page refreshes to what the timer is now. Stop needs no such
 * care: stopping a stopped timer returns the entry the first stop wrote.
 */
export async function controlTimerAction(input: { id: string; action: TimerControl; version: number }): Promise<TimerResult> {
  const locale = await actionLocale();
  const actor = await sessionActor();
  if (!actor) redirect(`/${locale}/sign-in`);
  try {
    const id = uuidParam(String(input?.id), "timer");
    if (input?.action !== "stop") {
      const current = await getTimer({ actor, id });
      if (current.version !== input?.version) {
        revalidatePath("/", "layout");
        return { status: "ok" };
      }
    }
    const { activity } = await applyTimerAction({ actor, id, input: { action: input?.action } });
    revalidatePath("/", "layout");
    if (!activity) return { status: "ok" };
    const { user } = await getMe({ actor });
    return { status: "ok", entry: await savedEntry(activity, { locale, units: user.settings.units }) };
  } catch (error) {
    revalidatePath("/", "layout");
    return failure(error, locale);
  }
}

function failure(error: unknown, locale: Awaited<ReturnType<typeof actionLocale>>): TimerResult {
  const state = errorState(error, { locale });
  const fieldMessages = Object.values(state.fields ?? {});
  return { status: "error", message: [state.message, ...fieldMessages].filter(Boolean).join(" ") };
}

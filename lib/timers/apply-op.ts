import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/errors/app-error";
import { timerOpSchema } from "@/lib/sync/ops";
import { applyTimerAction, findTimerFor, startTimer } from "./service";

const ACTION = { "timer.pause": "pause", "timer.resume": "resume", "timer.switch_side": "switch_side", "timer.stop": "stop" } as const;

/**
 * Applies one offline timer operation through the timer service. Starting a timer that is already
 * running returns it, and stopping a stopped timer returns its entry, so two caregivers stopping
 * the same timer offline make one entry.
 */
export async function applyTimerOp({ actor, op: input }: { actor: Actor; op: unknown }): Promise<{ changed: boolean }> {
  const op = parseInput(timerOpSchema, input, "sync");
  if (op.kind === "timer.start") return { changed: (await startTimer({ actor, input: op.timer })).created };
  const id = "id" in op.timer ? op.timer.id : await findTimerFor({ actor, childId: op.timer.childId, type: op.timer.type });
  await applyTimerAction({ actor, id, input: { action: ACTION[op.kind] }, at: op.at ? new Date(op.at) : undefined });
  return { changed: true };
}

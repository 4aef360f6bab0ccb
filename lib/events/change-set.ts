import { Prisma, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { FamilyEvent, FamilyEventType } from "./schema";

/**
 * Collects the family events of one transaction. `next()` advances the family's seq (the row
 * lock serializes writers, so seq order is commit order); `record()` stores the event in
 * FamilyEvent in the same transaction, so catch-up never misses what was published.
 */
export class ChangeSet {
  readonly events: FamilyEvent[] = [];

  constructor(
    private readonly tx: Tx,
    private readonly actorId: string | null,
  ) {}

  async next(familyId: string): Promise<bigint> {
    try {
      const { seq } = await this.tx.family.update({
        where: { id: familyId },
        data: { seq: { increment: 1 } },
        select: { seq: true },
      });
      return seq;
    } catch (error) {
      // The family was deleted since the caller checked access.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw new AppError("not_found:family");
      throw error;
    }
  }

  async record(familyId: string, seq: bigint, type: FamilyEventType, data: Record<string, unknown>): Promise<FamilyEvent> {
    const event: FamilyEvent = {
      type,
      familyId,
      seq: Number(seq),
      actorId: this.actorId,
      at: new Date().toISOString(),
      data,
    };
    await this.tx.familyEvent.create({
      data: { familyId, seq, type, actorId: this.actorId, payload: data as object },
    });
    this.events.push(event);
    return event;
  }

  /** Takes an event that a single-statement write already stored (see lib/activities/insert.ts). */
  adopt<T extends { event: FamilyEvent }>(written: T): T {
    this.events.push(written.event);
    return written;
  }

  /** next() + record() for changes that have no row of their own to stamp. */
  async emit(familyId: string, type: FamilyEventType, data: Record<string, unknown>): Promise<FamilyEvent> {
    return this.record(familyId, await this.next(familyId), type, data);
  }
}

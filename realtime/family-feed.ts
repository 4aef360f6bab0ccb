import type { FamilyEvent } from "@/lib/events/schema";
import {
  CATCH_UP_LIMIT,
  REALTIME_CAUGHT_UP,
  REALTIME_EVENT,
  REALTIME_FAMILY_JOINED,
  REALTIME_FAMILY_LEFT,
  REALTIME_RESYNC,
  type Resync,
} from "@/lib/realtime/protocol";
import { applyMembershipChanges, concernsMembership } from "./memberships";
import type { History, RealtimeServerIo, RealtimeSocket, SocketData, Stream } from "./types";

export type { History, RealtimeServerIo, RealtimeSocket, SocketData, Stream } from "./types";

type Target = { socket: RealtimeSocket; stream: Stream; announce: boolean };

export const familyRoom = (familyId: string) => `family:${familyId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/**
 * Delivers family events to this instance's sockets. Every instance receives every family
 * channel from Redis itself, so delivery and membership changes are applied locally: sending
 * through the adapter as well would deliver each event once per instance.
 */
export class FamilyFeed {
  private readonly repairs = new Map<string, NodeJS.Timeout>();
  private readonly watches = new Set<{ userId: string; changes: FamilyEvent[] }>();
  private stopped = false;

  constructor(
    private readonly io: RealtimeServerIo,
    private readonly history: History,
    private readonly options: { gapRepairMs: number; retryMs: number; log: (message: string, error?: unknown) => void },
  ) {}

  /** A new socket: one stream per family, the rooms, then catch-up from `since` (or from the seq read at the handshake). */
  async attach(socket: RealtimeSocket): Promise<void> {
    const { userId, families, since } = socket.data;
    socket.join(userRoom(userId));
    const fills = families.map(({ familyId, seq }) => {
      const announce = Object.hasOwn(since, familyId);
      const stream: Stream = { mark: announce ? since[familyId] : seq, ahead: new Set(), buffer: [] };
      socket.data.streams.set(familyId, stream);
      socket.join(familyRoom(familyId));
      return () => this.fill(familyId, [{ socket, stream, announce }]);
    });
    // A family the client still follows but no longer belongs to (removed while it was away).
    for (const familyId of Object.keys(since)) {
      if (!socket.data.streams.has(familyId)) socket.emit(REALTIME_FAMILY_LEFT, { familyId });
    }
    // Joined (and buffering) before reading: whatever is published from now on waits in the buffer.
    await Promise.all(fills.map((fill) => fill()));
  }

  /**
   * Records the membership changes of a user while their handshake reads the memberships, so one
   * that lands in between is not lost: `end(families)` returns the list with those changes applied.
   * Connection follows `next()` without a turn of the event loop, so nothing slips in after `end`.
   */
  watchMemberships(userId: string) {
    const watch = { userId, changes: [] as FamilyEvent[] };
    this.watches.add(watch);
    return {
      end: (families: SocketData["families"] = []) => {
        this.watches.delete(watch);
        return applyMembershipChanges(families, watch.changes, userId);
      },
    };
  }

  /** A live event from Redis (already validated). */
  deliver(event: FamilyEvent): void {
    const { familyId } = event;
    for (const watch of this.watches) if (concernsMembership(event, watch.userId)) watch.changes.push(event);
    if (event.type === "membership.removed" && typeof event.data.userId === "string") {
      for (const socket of this.userSockets(event.data.userId)) this.leave(socket, familyId);
    }
    if (event.type === "membership.added" && typeof event.data.userId === "string") {
      for (const socket of this.userSockets(event.data.userId)) this.join(socket, familyId, event.seq - 1);
    }
    if (event.type === "family.deleted") {
      // The end of the family: sent even to a socket still catching up (nothing after it matters), then the room empties.
      for (const socket of this.familySockets(familyId)) {
        if (socket.data.streams.has(familyId)) socket.emit(REALTIME_EVENT, event);
        this.leave(socket, familyId);
      }
      return;
    }
    for (const socket of this.familySockets(familyId)) {
      const stream = socket.data.streams.get(familyId);
      if (!stream) continue;
      // A full buffer drops: the running catch-up, or the gap repair after it, reads those from PostgreSQL.
      if (stream.buffer) {
        if (stream.buffer.length < CATCH_UP_LIMIT) stream.buffer.push(event);
      } else this.send(socket, stream, event);
    }
  }

  /** After a Redis outage: every family with sockets here catches up from PostgreSQL since what each socket was sent. */
  recoverAll(): void {
    for (const room of this.io.of("/").adapter.rooms.keys()) {
      if (!room.startsWith("family:")) continue;
      const familyId = room.slice("family:".length);
      const targets = this.targets(familyId, () => true);
      if (targets.length > 0) void this.fill(familyId, targets);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.repairs.values()) clearTimeout(timer);
    this.repairs.clear();
  }

  private async fill(familyId: string, targets: Target[], attempt = 0): Promise<void> {
    for (const t of targets) t.stream.buffer ??= [];
    const from = Math.min(...targets.map((t) => t.stream.mark));
    // The highest seq each socket had already been sent live before this read (see below).
    const sentBefore = targets.map((t) => Math.max(t.stream.mark, ...t.stream.ahead));
    let events: FamilyEvent[];
    let familySeq: number | null;
    try {
      events = await this.history.readFamilyEvents(familyId, from, CATCH_UP_LIMIT + 1);
      familySeq = await this.history.readFamilySeq(familyId);
    } catch (error) {
      this.options.log(`catch-up of family ${familyId} failed (attempt ${attempt + 1}); retrying`, error);
      const alive = targets.filter((t) => this.isCurrent(familyId, t));
      if (alive.length > 0 && !this.stopped)
        setTimeout(() => void this.fill(familyId, alive, attempt + 1), this.options.retryMs * Math.min(attempt + 1, 10)).unref();
      return;
    }
    for (const [i, target] of targets.entries()) {
      if (!this.isCurrent(familyId, target)) continue;
      const { socket, stream } = target;
      if (familySeq === null) {
        // The family was deleted; its family.deleted event is published right after the commit and
        // may still be on its way: give it a moment to arrive (deliver() sends it, then leaves).
        const timer = setTimeout(() => {
          if (this.isCurrent(familyId, target)) this.leave(socket, familyId);
        }, this.options.gapRepairMs);
        timer.unref();
        continue;
      }
      if (stream.mark > familySeq) this.resync(socket, stream, { familyId, seq: familySeq, reason: "unknown_seq" });
      else if (events.length > CATCH_UP_LIMIT) this.resync(socket, stream, { familyId, seq: familySeq, reason: "too_far_behind" });
      else {
        for (const event of events) this.send(socket, stream, event);
        // Writers commit in seq order (the family row lock) and publish after committing, so what was
        // received before this read is stored, and so is every seq below it: a hole left under it
        // was never stored (a stray publish) and is not waited for any longer.
        if (sentBefore[i] > stream.mark) skipTo(stream, sentBefore[i]);
      }
      const buffered = stream.buffer ?? [];
      stream.buffer = null;
      for (const event of buffered) this.send(socket, stream, event);
      if (target.announce) socket.emit(REALTIME_CAUGHT_UP, { familyId, seq: stream.mark });
    }
  }

  /** Sends an event unless this socket already has it; a hole left behind is repaired from PostgreSQL if it stays. */
  private send(socket: RealtimeSocket, stream: Stream, event: FamilyEvent): void {
    if (event.seq <= stream.mark || stream.ahead.has(event.seq)) return;
    socket.emit(REALTIME_EVENT, event);
    stream.ahead.add(event.seq);
    advance(stream);
    if (stream.ahead.size > 0) this.scheduleRepair(event.familyId);
  }

  private resync(socket: RealtimeSocket, stream: Stream, resync: Resync): void {
    socket.emit(REALTIME_RESYNC, resync);
    skipTo(stream, resync.seq);
  }

  private scheduleRepair(familyId: string): void {
    if (this.repairs.has(familyId) || this.stopped) return;
    const timer = setTimeout(() => {
      this.repairs.delete(familyId);
      const targets = this.targets(familyId, (stream) => stream.ahead.size > 0 && !stream.buffer);
      if (targets.length > 0) void this.fill(familyId, targets);
    }, this.options.gapRepairMs);
    timer.unref();
    this.repairs.set(familyId, timer);
  }

  private join(socket: RealtimeSocket, familyId: string, mark: number): void {
    if (socket.data.streams.has(familyId)) return;
    socket.data.streams.set(familyId, { mark, ahead: new Set(), buffer: null });
    socket.join(familyRoom(familyId));
    socket.emit(REALTIME_FAMILY_JOINED, { familyId });
  }

  private leave(socket: RealtimeSocket, familyId: string): void {
    if (!socket.data.streams.delete(familyId)) return;
    socket.leave(familyRoom(familyId));
    socket.emit(REALTIME_FAMILY_LEFT, { familyId });
  }

  private isCurrent(familyId: string, target: Target): boolean {
    return target.socket.connected && target.socket.data.streams.get(familyId) === target.stream;
  }

  private targets(familyId: string, want: (stream: Stream) => boolean): Target[] {
    const targets: Target[] = [];
    for (const socket of this.familySockets(familyId)) {
      const stream = socket.data.streams.get(familyId);
      if (stream && want(stream)) targets.push({ socket, stream, announce: false });
    }
    return targets;
  }

  private familySockets(familyId: string): RealtimeSocket[] {
    return this.localSockets(familyRoom(familyId));
  }

  private userSockets(userId: string): RealtimeSocket[] {
    return this.localSockets(userRoom(userId));
  }

  private localSockets(room: string): RealtimeSocket[] {
    const namespace = this.io.of("/");
    const ids = namespace.adapter.rooms.get(room);
    if (!ids) return [];
    const sockets: RealtimeSocket[] = [];
    for (const id of ids) {
      const socket = namespace.sockets.get(id);
      if (socket) sockets.push(socket);
    }
    return sockets;
  }
}

function skipTo(stream: Stream, seq: number): void {
  stream.mark = seq;
  for (const sent of stream.ahead) if (sent <= seq) stream.ahead.delete(sent);
  advance(stream);
}

function advance(stream: Stream): void {
  while (stream.ahead.delete(stream.mark + 1)) stream.mark += 1;
}

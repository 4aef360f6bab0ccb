import type { Server, Socket } from "socket.io";
import type { FamilyEvent } from "@/lib/events/schema";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/protocol";
import type { RealtimeTokenClaims } from "@/lib/realtime/token";

/**
 * What one socket has been sent of one family. `mark` is the highest seq up to which nothing is
 * missing; `ahead` holds seqs already sent past a hole (publishes from concurrent writers can
 * arrive out of order); while `buffer` is set, a catch-up from PostgreSQL is running and live
 * events wait there, so nothing is skipped or sent twice between the two.
 */
export type Stream = { mark: number; ahead: Set<number>; buffer: FamilyEvent[] | null };

export type SocketData = {
  userId: string;
  claims: RealtimeTokenClaims;
  families: { familyId: string; seq: number }[];
  since: Record<string, number>;
  streams: Map<string, Stream>;
  expiry?: NodeJS.Timeout;
};

type InterServerEvents = Record<string, never>;
export type RealtimeServerIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export type History = {
  readFamilyEvents: (familyId: string, afterSeq: number, limit: number) => Promise<FamilyEvent[]>;
  readFamilySeq: (familyId: string) => Promise<number | null>;
};

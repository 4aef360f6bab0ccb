import { z } from "zod";
import { familyEventSchema } from "@/lib/events/schema";

/**
 * The wire contract between the realtime sidecar (realtime/) and clients (browser, tests,
 * bench). Both sides validate every message with these schemas; anything else is dropped.
 *
 * Flow:
 * 1. The client gets `{ token, url, expiresAt }` from POST /api/v1/realtime/token (session or Bearer).
 * 2. It connects with Socket.io: `io(url, { transports: ["websocket"], auth: { token, since } })`,
 *    where `since` maps familyId → the last seq it has applied (omit a family to start live).
 * 3. The sidecar verifies the token in the handshake (refusing with `connect_error`
 *    `err.message` = one of `RealtimeRefusal` and `err.data = { code }`), joins one room per
 *    family of the user, and for every family in `since` sends the missed events from PostgreSQL
 *    in seq order before live ones. A family more than `CATCH_UP_LIMIT` events behind gets a
 *    `resync` message instead (reload everything for that family).
 * 4. Live family events arrive as `event` messages (a FamilyEvent with its seq). Clients drop a
 *    seq they already have; the sidecar never skips one it knows about.
 * 5. Before the token expires the client fetches a new one and sends `auth:refresh`; the ack
 *    says whether it was accepted. A socket whose token expires without refresh is disconnected
 *    with `server:token_expired` and reconnects with a fresh token and its `since`.
 * 6. Membership changes apply at once: a removed member's sockets leave that family's room
 *    (they get `family:left`), a new membership joins them to it (`family:joined`).
 *    A `since` naming a family the user no longer belongs to is answered with `family:left` at connect.
 */

export const REALTIME_EVENT = "event" as const;
export const REALTIME_RESYNC = "resync" as const;
export const REALTIME_CAUGHT_UP = "caught_up" as const;
export const REALTIME_FAMILY_JOINED = "family:joined" as const;
export const REALTIME_FAMILY_LEFT = "family:left" as const;
export const REALTIME_REFRESH = "auth:refresh" as const;
/** Sent right before the server disconnects a socket whose token expired without a refresh
 * (the client sees "io server disconnect", so it must reconnect itself with a fresh token and its `since`). */
export const REALTIME_TOKEN_EXPIRED = "server:token_expired" as const;
/** Sent when an instance shuts down; its transport then closes and Socket.io reconnects on its own
 * (through the load balancer, to another instance) with the same `auth` callback. */
export const REALTIME_SHUTDOWN = "server:shutdown" as const;

/** Events further behind than this are not replayed: the client is told to resync instead. */
export const CATCH_UP_LIMIT = 1000;

export const realtimeRefusals = ["token_missing", "token_invalid", "token_expired", "session_revoked", "unavailable"] as const;
export type RealtimeRefusal = (typeof realtimeRefusals)[number];

/** POST /api/v1/realtime/token → */
export const realtimeTokenResponseSchema = z.object({
  token: z.string().min(1),
  url: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type RealtimeTokenResponse = z.infer<typeof realtimeTokenResponseSchema>;

/** The Socket.io handshake `auth` payload. */
export const handshakeAuthSchema = z.object({
  token: z.string().min(1).max(4096),
  since: z.record(z.uuid(), z.number().int().nonnegative()).optional(),
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/** `event`: one family event, exactly as lib/events publishes it. */
export const realtimeEventSchema = familyEventSchema;

/** `resync`: the client must reload this family's state (too far behind, or history unavailable). */
export const resyncSchema = z.object({
  familyId: z.uuid(),
  seq: z.number().int().nonnegative(),
  reason: z.enum(["too_far_behind", "unknown_seq"]),
});
export type Resync = z.infer<typeof resyncSchema>;

/** `caught_up`: every missed event of this family up to `seq` has been sent; live events follow. */
export const caughtUpSchema = z.object({ familyId: z.uuid(), seq: z.number().int().nonnegative() });

/** `family:joined` / `family:left`. */
export const familyMembershipNoticeSchema = z.object({ familyId: z.uuid() });

/** `auth:refresh` (client → server, with an ack). */
export const refreshRequestSchema = z.object({ token: z.string().min(1).max(4096) });
export const refreshAckSchema = z.object({
  ok: z.boolean(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  error: z.string().optional(),
});

/** Socket.io event maps for typed sockets on both sides: `Socket<ServerToClientEvents, ClientToServerEvents>`. */
export type ServerToClientEvents = {
  [REALTIME_EVENT]: (event: z.infer<typeof realtimeEventSchema>) => void;
  [REALTIME_RESYNC]: (resync: Resync) => void;
  [REALTIME_CAUGHT_UP]: (caughtUp: z.infer<typeof caughtUpSchema>) => void;
  [REALTIME_FAMILY_JOINED]: (notice: z.infer<typeof familyMembershipNoticeSchema>) => void;
  [REALTIME_FAMILY_LEFT]: (notice: z.infer<typeof familyMembershipNoticeSchema>) => void;
  [REALTIME_TOKEN_EXPIRED]: () => void;
  [REALTIME_SHUTDOWN]: () => void;
};
export type ClientToServerEvents = {
  [REALTIME_REFRESH]: (request: z.infer<typeof refreshRequestSchema>, ack: (result: z.infer<typeof refreshAckSchema>) => void) => void;
};

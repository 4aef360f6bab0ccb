import type { ManagerOptions, Socket, SocketOptions } from "socket.io-client";
import type { FamilyEvent } from "@/lib/events/schema";
import {
  caughtUpSchema,
  familyMembershipNoticeSchema,
  realtimeEventSchema,
  realtimeTokenResponseSchema,
  refreshAckSchema,
  resyncSchema,
  REALTIME_CAUGHT_UP,
  REALTIME_EVENT,
  REALTIME_FAMILY_JOINED,
  REALTIME_FAMILY_LEFT,
  REALTIME_REFRESH,
  REALTIME_RESYNC,
  REALTIME_TOKEN_EXPIRED,
  type RealtimeTokenResponse,
} from "@/lib/realtime/protocol";
import {
  applyCaughtUp,
  applyEvent,
  applyResync,
  forgetFamily,
  refreshDelayMs,
  sinceMap,
  type ClientSeqs,
} from "@/lib/realtime/client-state";

export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline";

export type SessionCallbacks = {
  status: (status: ConnectionStatus) => void;
  /** A new family event (duplicates are already dropped); `gap` when some before it went missing. */
  event: (event: FamilyEvent, gap: boolean) => void;
  /** The family's state must be reloaded from the server (too far behind to replay). */
  resync: (familyId: string) => void;
  /** Reload the page's server data (debounced by the caller). */
  refresh: () => void;
  /** The session is gone (signed out elsewhere, revoked): stop and let the page send to sign-in. */
  signedOut: () => void;
};

/** What opens a socket: socket.io-client's `io` (loaded on demand), or a fake in tests. */
export type SocketFactory = (url: string, options: Partial<ManagerOptions & SocketOptions>) => Socket;

export type SessionDeps = {
  getToken?: () => Promise<RealtimeTokenResponse>;
  connect?: SocketFactory;
};

export class SignedOut extends Error {}

const TOKEN_PATH = "/api/v1/realtime/token";
/** A token this close to expiry is replaced before it is used for a handshake. */
const TOKEN_MARGIN_MS = 30_000;

/** POST /api/v1/realtime/token with the session cookie; 401 means signed out. */
export async function fetchToken(): Promise<RealtimeTokenResponse> {
  const res = await fetch(TOKEN_PATH, { method: "POST", credentials: "same-origin", headers: { accept: "application/json" } });
  if (res.status === 401) throw new SignedOut();
  if (!res.ok) throw new Error(`realtime token: ${res.status}`);
  return realtimeTokenResponseSchema.parse(await res.json());
}

/**
 * One browser tab's realtime connection: fetches a token, connects over WebSocket only, replays
 * what it missed by seq on every reconnect, refreshes the token before it expires, and stays down
 * while the browser says it is offline (Chromium keeps a WebSocket open through an emulated or
 * flaky offline, so the socket is closed on `offline` and reopened on `online` or when the tab is
 * shown again, catching up by seq).
 */
export class RealtimeSession {
  private seqs: ClientSeqs = {};
  private token?: RealtimeTokenResponse;
  private tokenStale = false;
  private pendingToken?: Promise<RealtimeTokenResponse>;
  private socket?: Socket;
  private opening = false;
  private stopped = false;
  /** Connected once, or failed once: either way we are now trying again ("reconnecting"). */
  private tried = false;
  private attempts = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  /** Messages that failed validation and were dropped. */
  dropped = 0;

  private readonly getToken: () => Promise<RealtimeTokenResponse>;

  constructor(
    private readonly on: SessionCallbacks,
    private readonly deps: SessionDeps = {},
  ) {
    this.getToken = deps.getToken ?? fetchToken;
  }

  start() {
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    document.addEventListener("visibilitychange", this.onVisible);
    this.report();
    if (navigator.onLine) void this.open();
  }

  stop() {
    this.stopped = true;
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    document.removeEventListener("visibilitychange", this.onVisible);
    clearTimeout(this.retryTimer);
    clearTimeout(this.refreshTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
  }

  private status(): ConnectionStatus {
    if (!navigator.onLine) return "offline";
    if (this.socket?.connected) return "live";
    return this.tried ? "reconnecting" : "connecting";
  }

  private report() {
    if (!this.stopped) this.on.status(this.status());
  }

  /** The current token, or a new one when it is stale or about to expire (one fetch at a time). */
  private freshToken(): Promise<RealtimeTokenResponse> {
    const token = this.token;
    if (token && !this.tokenStale && Date.parse(token.expiresAt) - Date.now() > TOKEN_MARGIN_MS) return Promise.resolve(token);
    this.pendingToken ??= this.getToken()
      .then((fresh) => {
        this.token = fresh;
        this.tokenStale = false;
        return fresh;
      })
      .finally(() => {
        this.pendingToken = undefined;
      });
    return this.pendingToken;
  }

  private async open() {
    if (this.stopped || this.opening || !navigator.onLine) return;
    clearTimeout(this.retryTimer);
    if (this.socket) {
      if (!this.socket.connected && !this.socket.active) this.socket.connect();
      return;
    }
    this.opening = true;
    try {
      const token = await this.freshToken();
      // Loaded on demand so signed-out pages and the first paint do not carry the client.
      const connect = this.deps.connect ?? (await import("socket.io-client")).io;
      if (this.stopped || this.socket) return;
      this.socket = connect(token.url, {
        transports: ["websocket"],
        autoConnect: false,
        reconnectionDelay: 1_000,
        reconnectionDelayMax: 10_000,
        // Called on every (re)connect, so each handshake carries a fresh token and what we have.
        auth: (send) => {
          this.freshToken().then(
            (fresh) => send({ token: fresh.token, since: sinceMap(this.seqs) }),
            () => send({ token: this.token?.token ?? "-", since: sinceMap(this.seqs) }),
          );
        },
      });
      this.listen(this.socket);
      this.socket.connect();
    } catch (error) {
      if (error instanceof SignedOut) return this.signedOut();
      this.retryLater();
    } finally {
      this.opening = false;
    }
  }

  private listen(socket: Socket) {
    socket.on("connect", () => {
      this.tried = true;
      this.attempts = 0;
      this.report();
      // Covers whatever was written between the server render (or the last connection) and now,
      // including families this tab never heard from and so cannot catch up by seq.
      this.on.refresh();
      this.scheduleTokenRefresh();
    });
    socket.on("disconnect", (reason) => {
      clearTimeout(this.refreshTimer);
      this.report();
      // The server closed it (token expired, shutting down): Socket.io does not retry by itself.
      if (reason === "io server disconnect" && navigator.onLine) {
        this.tokenStale = true;
        this.retryLater();
      }
    });
    // Announced right before the server drops a socket whose token ran out: reconnect with a new one.
    socket.on(REALTIME_TOKEN_EXPIRED, () => {
      this.tokenStale = true;
    });
    socket.on("connect_error", (error: Error & { data?: { code?: string } }) => {
      this.tried = true;
      this.report();
      if (socket.active) return; // a transport error: Socket.io retries with backoff
      // Refused in the handshake: retry ourselves, with a new token when that was the reason.
      const code = error.data?.code ?? error.message;
      if (code === "session_revoked") return this.signedOut();
      if (code === "token_expired" || code === "token_invalid" || code === "token_missing") this.tokenStale = true;
      this.retryLater();
    });
    socket.on(REALTIME_EVENT, (raw: unknown) => {
      const parsed = realtimeEventSchema.safeParse(raw);
      if (!parsed.success) return void this.dropped++;
      const step = applyEvent(this.seqs, parsed.data);
      this.seqs = step.seqs;
      if (step.outcome === "duplicate") return;
      this.on.event(parsed.data, step.outcome === "gap");
      this.on.refresh();
    });
    socket.on(REALTIME_CAUGHT_UP, (raw: unknown) => {
      const parsed = caughtUpSchema.safeParse(raw);
      if (!parsed.success) return void this.dropped++;
      const step = applyCaughtUp(this.seqs, parsed.data);
      this.seqs = step.seqs;
      if (step.outcome === "gap") this.on.refresh();
    });
    socket.on(REALTIME_RESYNC, (raw: unknown) => {
      const parsed = resyncSchema.safeParse(raw);
      if (!parsed.success) return void this.dropped++;
      this.seqs = applyResync(this.seqs, parsed.data);
      this.on.resync(parsed.data.familyId);
      this.on.refresh();
    });
    socket.on(REALTIME_FAMILY_JOINED, (raw: unknown) => {
      if (!familyMembershipNoticeSchema.safeParse(raw).success) return void this.dropped++;
      this.on.refresh();
    });
    socket.on(REALTIME_FAMILY_LEFT, (raw: unknown) => {
      const parsed = familyMembershipNoticeSchema.safeParse(raw);
      if (!parsed.success) return void this.dropped++;
      this.seqs = forgetFamily(this.seqs, parsed.data.familyId);
      this.on.refresh();
    });
  }

  /** Backoff for refusals and failed token fetches: 1 s, 2 s, 4 s … up to 30 s. */
  private retryLater() {
    if (this.stopped) return;
    this.tried = true;
    clearTimeout(this.retryTimer);
    const delay = Math.min(30_000, 1_000 * 2 ** this.attempts++);
    this.retryTimer = setTimeout(() => void this.open(), delay);
    this.report();
  }

  /** Sends a fresh token over the open socket before the current one expires. */
  private scheduleTokenRefresh() {
    clearTimeout(this.refreshTimer);
    if (!this.token) return;
    this.refreshTimer = setTimeout(() => void this.refreshToken(), refreshDelayMs(this.token.expiresAt));
  }

  private async refreshToken() {
    const socket = this.socket;
    if (!socket?.connected) return;
    try {
      this.tokenStale = true;
      const fresh = await this.freshToken();
      const ack = refreshAckSchema.parse(await socket.timeout(10_000).emitWithAck(REALTIME_REFRESH, { token: fresh.token }));
      if (ack.ok) {
        this.token = { ...fresh, expiresAt: ack.expiresAt ?? fresh.expiresAt };
        return this.scheduleTokenRefresh();
      }
    } catch (error) {
      if (error instanceof SignedOut) return this.signedOut();
    }
    // Not refreshed: try again shortly. If the old token runs out first, the server drops the
    // socket and we reconnect with a new token and our seqs, so nothing is lost either way.
    this.tokenStale = true;
    this.refreshTimer = setTimeout(() => void this.refreshToken(), 10_000);
  }

  private signedOut() {
    this.stop();
    this.on.signedOut();
  }

  private readonly onOnline = () => {
    this.report();
    void this.open();
  };

  private readonly onOffline = () => {
    clearTimeout(this.retryTimer);
    clearTimeout(this.refreshTimer);
    // A closed socket, not a half-dead one: on `online` the handshake's since replays the gap.
    this.socket?.disconnect();
    this.report();
  };

  private readonly onVisible = () => {
    if (document.visibilityState !== "visible" || !navigator.onLine || this.socket?.connected) return;
    // Skip whatever backoff is left: the person is looking at the page now.
    if (this.socket?.active) this.socket.disconnect();
    this.attempts = 0;
    void this.open();
  };
}

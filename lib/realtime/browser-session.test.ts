import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Socket } from "socket.io-client";
import { RealtimeSession, SignedOut, type SessionCallbacks, type SocketFactory } from "./browser-session";
import { REALTIME_REFRESH, REALTIME_RESYNC, REALTIME_TOKEN_EXPIRED, type HandshakeAuth } from "./protocol";

const A = "5f0c7a4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f";
const USER = "8a9b0c1d-2e3f-4a5b-8c7d-9e0f1a2b3c4d";
const URL = "http://127.0.0.1:3001";

type Handler = (...args: unknown[]) => void;

/** Just enough of a Socket.io client socket; the test plays the server and the Manager. */
class FakeSocket {
  connected = false;
  active = false;
  readonly handshakes: HandshakeAuth[] = [];
  readonly acks: [string, unknown][] = [];
  private readonly handlers = new Map<string, Handler[]>();

  constructor(
    readonly url: string,
    readonly options: { transports?: string[]; auth?: unknown },
  ) {}

  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  /** What the Manager does on each attempt: ask the auth callback for the handshake payload. */
  connect() {
    this.active = true;
    (this.options.auth as (send: (data: HandshakeAuth) => void) => void)((data) => this.handshakes.push(data));
    return this;
  }
  disconnect() {
    const was = this.connected;
    this.connected = false;
    this.active = false;
    if (was) this.fire("disconnect", "io client disconnect");
    return this;
  }
  timeout() {
    return {
      emitWithAck: async (event: string, payload: unknown) => {
        this.acks.push([event, payload]);
        return { ok: true, expiresAt: new Date(Date.now() + 10 * 60_000).toISOString() };
      },
    };
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  // The server's side of things.
  accept() {
    this.connected = true;
    this.fire("connect");
  }
  refuse(code: string) {
    this.active = false;
    this.fire("connect_error", Object.assign(new Error(code), { data: { code } }));
  }
  drop(reason: string) {
    this.connected = false;
    this.active = reason !== "io server disconnect";
    this.fire("disconnect", reason);
  }
  event(seq: number, type = "activity.created") {
    this.fire("event", { type, familyId: A, seq, actorId: USER, at: new Date().toISOString(), data: {} });
  }
}

function setup({ tokens = ["t1", "t2", "t3", "t4"], ttlMs = 10 * 60_000 } = {}) {
  const sockets: FakeSocket[] = [];
  const connect: SocketFactory = (url, options) => {
    const socket = new FakeSocket(url, options as FakeSocket["options"]);
    sockets.push(socket);
    return socket as unknown as Socket;
  };
  let issued = 0;
  const getToken = vi.fn(async () => {
    const token = tokens[Math.min(issued++, tokens.length - 1)];
    if (token === "signed-out") throw new SignedOut();
    return { token, url: URL, expiresAt: new Date(Date.now() + ttlMs).toISOString() };
  });
  const on = {
    status: vi.fn(),
    event: vi.fn(),
    resync: vi.fn(),
    refresh: vi.fn(),
    signedOut: vi.fn(),
  } satisfies SessionCallbacks;
  const session = new RealtimeSession(on, { getToken, connect });
  const socket = () => sockets[sockets.length - 1];
  const lastStatus = () => on.status.mock.calls.at(-1)?.[0];
  return { session, sockets, socket, getToken, on, lastStatus };
}

/** Lets the token promises and the auth callback settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

let online = true;
beforeEach(() => {
  vi.useFakeTimers();
  online = true;
  vi.stubGlobal("window", new EventTarget());
  vi.stubGlobal("document", Object.assign(new EventTarget(), { visibilityState: "visible" }));
  vi.stubGlobal("navigator", {
    get onLine() {
      return online;
    },
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("RealtimeSession", () => {
  it("connects over WebSocket only with its token, goes live and refreshes the page once", async () => {
    const { session, socket, on, lastStatus } = setup();
    session.start();
    expect(lastStatus()).toBe("connecting");
    await settle();
    expect(socket().url).toBe(URL);
    expect(socket().options.transports).toEqual(["websocket"]);
    expect(socket().handshakes).toEqual([{ token: "t1", since: undefined }]);
    socket().accept();
    expect(lastStatus()).toBe("live");
    expect(on.refresh).toHaveBeenCalledTimes(1);
    session.stop();
  });

  it("passes each new event on once, drops duplicates and malformed ones, and reconnects with its since", async () => {
    const { session, socket, on, lastStatus } = setup();
    session.start();
    await settle();
    socket().accept();
    socket().event(5);
    socket().event(6);
    socket().event(6);
    socket().event(5);
    socket().fire("event", { type: "activity.created", familyId: "not-a-uuid", seq: 7 });
    expect(on.event.mock.calls.map(([event, gap]) => [event.seq, gap])).toEqual([
      [5, false],
      [6, false],
    ]);
    expect(session.dropped).toBe(1);
    expect(on.refresh).toHaveBeenCalledTimes(3);

    socket().drop("transport close");
    expect(lastStatus()).toBe("reconnecting");
    socket().connect(); // the Manager's next attempt
    await settle();
    expect(socket().handshakes.at(-1)).toEqual({ token: "t1", since: { [A]: 6 } });
    session.stop();
  });

  it("flags a gap, and after a resync continues from the server's seq", async () => {
    const { session, socket, on } = setup();
    session.start();
    await settle();
    socket().accept();
    socket().event(5);
    socket().event(8);
    expect(on.event.mock.calls.at(-1)?.[1]).toBe(true);
    socket().fire(REALTIME_RESYNC, { familyId: A, seq: 2000, reason: "too_far_behind" });
    expect(on.resync).toHaveBeenCalledWith(A);
    socket().event(2001);
    expect(on.event.mock.calls.at(-1)?.[0].seq).toBe(2001);
    expect(on.event.mock.calls.at(-1)?.[1]).toBe(false);
    session.stop();
  });

  it("closes the socket while offline, tries nothing, and reconnects with its since when back online", async () => {
    const { session, socket, sockets, lastStatus } = setup();
    session.start();
    await settle();
    socket().accept();
    socket().event(3);

    online = false;
    window.dispatchEvent(new Event("offline"));
    expect(socket().connected).toBe(false);
    expect(socket().active).toBe(false);
    expect(lastStatus()).toBe("offline");
    await vi.advanceTimersByTimeAsync(120_000);
    expect(socket().handshakes).toHaveLength(1);

    online = true;
    window.dispatchEvent(new Event("online"));
    await settle();
    expect(sockets).toHaveLength(1);
    expect(socket().handshakes).toHaveLength(2);
    expect(socket().handshakes[1].since).toEqual({ [A]: 3 });
    socket().accept();
    expect(lastStatus()).toBe("live");
    session.stop();
  });

  it("does not start while offline, and starts on `online`", async () => {
    online = false;
    const { session, sockets, getToken, lastStatus } = setup();
    session.start();
    await settle();
    expect(lastStatus()).toBe("offline");
    expect(getToken).not.toHaveBeenCalled();
    online = true;
    window.dispatchEvent(new Event("online"));
    await settle();
    expect(sockets).toHaveLength(1);
    session.stop();
  });

  it("says reconnecting, not connecting, once the first attempt failed (the sidecar is down)", async () => {
    const { session, socket, lastStatus } = setup();
    session.start();
    await settle();
    expect(lastStatus()).toBe("connecting");
    socket().fire("connect_error", new Error("websocket error")); // the Manager retries by itself
    expect(lastStatus()).toBe("reconnecting");
    expect(socket().active).toBe(true);
    session.stop();
  });

  it("after a token_expired refusal fetches a new token and tries again", async () => {
    const { session, socket } = setup();
    session.start();
    await settle();
    socket().refuse("token_expired");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(socket().handshakes.map((h) => h.token)).toEqual(["t1", "t2"]);
    session.stop();
  });

  it("after server:token_expired and the server's disconnect, reconnects with a new token", async () => {
    const { session, socket } = setup();
    session.start();
    await settle();
    socket().accept();
    socket().fire(REALTIME_TOKEN_EXPIRED, {});
    socket().drop("io server disconnect");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(socket().handshakes.map((h) => h.token)).toEqual(["t1", "t2"]);
    session.stop();
  });

  it("stops and reports a revoked session", async () => {
    const { session, socket, on } = setup();
    session.start();
    await settle();
    socket().refuse("session_revoked");
    expect(on.signedOut).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket().handshakes).toHaveLength(1);
  });

  it("never connects when the token route says signed out", async () => {
    const { session, sockets, on } = setup({ tokens: ["signed-out"] });
    session.start();
    await settle();
    expect(sockets).toHaveLength(0);
    expect(on.signedOut).toHaveBeenCalledTimes(1);
  });

  it("renews the token over the open socket a minute before it expires", async () => {
    const { session, socket, getToken } = setup({ ttlMs: 5 * 60_000 });
    session.start();
    await settle();
    socket().accept();
    await vi.advanceTimersByTimeAsync(4 * 60_000 - 1_000);
    expect(socket().acks).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(socket().acks).toEqual([[REALTIME_REFRESH, { token: "t2" }]]);
    expect(socket().connected).toBe(true);
    session.stop();
  });
});

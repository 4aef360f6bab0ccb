import http from "node:http";
import { randomUUID } from "node:crypto";
import { Server } from "socket.io";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FamilyEvent } from "@/lib/events/schema";
import { CATCH_UP_LIMIT } from "@/lib/realtime/protocol";
import { FamilyFeed, type RealtimeServerIo, type SocketData } from "./family-feed";

/** FamilyFeed on a real in-process Socket.io server, with PostgreSQL replaced by a controllable history. */
const familyId = randomUUID();
const userId = randomUUID();
let stored: FamilyEvent[] = [];
let familySeq = 0;
let gate: Promise<void> = Promise.resolve();
let openGate: () => void = () => {};
let reads = 0;

const history = {
  readFamilyEvents: async (id: string, after: number, limit: number) => {
    reads += 1;
    const rows = stored.filter((e) => e.familyId === id && e.seq > after).slice(0, limit);
    await gate;
    return rows;
  },
  readFamilySeq: async () => familySeq,
};

let io: RealtimeServerIo;
let feed: FamilyFeed;
let url: string;
const clients: ClientSocket[] = [];

beforeAll(async () => {
  const httpServer = http.createServer();
  io = new Server(httpServer) as RealtimeServerIo;
  feed = new FamilyFeed(io, history, { gapRepairMs: 50, retryMs: 20, log: () => {} });
  io.use((socket, next) => {
    const auth = socket.handshake.auth as { userId: string; families: SocketData["families"]; since?: Record<string, number> };
    socket.data = {
      userId: auth.userId,
      claims: { v: 1, sub: auth.userId, iat: 0, exp: 0 },
      families: auth.families,
      since: auth.since ?? {},
      streams: new Map(),
    };
    next();
  });
  io.on("connection", (socket) => void feed.attach(socket));
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as { port: number }).port}`;
});

afterAll(async () => {
  feed.stop();
  await io.close();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
  stored = [];
  familySeq = 0;
  gate = Promise.resolve();
  reads = 0;
});

const event = (seq: number, type: FamilyEvent["type"] = "activity.created", data: Record<string, unknown> = {}): FamilyEvent => ({
  type,
  familyId,
  seq,
  actorId: null,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
  data,
});

function store(...seqs: number[]) {
  for (const seq of seqs) stored.push(event(seq));
  familySeq = Math.max(familySeq, ...seqs);
}

function closeGate() {
  gate = new Promise((resolve) => (openGate = resolve));
}

type Message = [name: string, payload: { seq?: number; familyId?: string; reason?: string } | undefined];

async function connect(options: { since?: Record<string, number>; user?: string; families?: SocketData["families"] } = {}) {
  const client = connectClient(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { userId: options.user ?? userId, families: options.families ?? [{ familyId, seq: familySeq }], since: options.since },
  });
  clients.push(client);
  const received: Message[] = [];
  client.onAny((name: string, payload) => received.push([name, payload]));
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("connect_error", reject);
  });
  const until = (match: (m: Message) => boolean, timeoutMs = 5000) =>
    new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      const poll = () => {
        if (received.some(match)) return resolve();
        if (Date.now() > deadline) return reject(new Error(`timed out; received ${JSON.stringify(received)}`));
        setTimeout(poll, 5);
      };
      poll();
    });
  return { client, received, until };
}

async function waitFor(check: () => boolean) {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

const seqs = (received: Message[]) => received.filter(([name]) => name === "event").map(([, p]) => p?.seq);
/** Waits until the server has attached the socket (its stream exists). */
async function attached(count = 1) {
  for (let i = 0; i < 200; i++) {
    const ready = [...io.of("/").sockets.values()].filter((s) => s.data.streams?.has(familyId)).length >= count;
    if (ready) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("socket never attached");
}

describe("FamilyFeed", () => {
  it("catch-up and live events meet without a gap or a duplicate", async () => {
    store(1, 2, 3, 4, 5);
    closeGate();
    const { received, until } = await connect({ since: { [familyId]: 2 } });
    await attached();
    // Published while the catch-up read is in flight: 5 is also in the history, 6 and 7 are not yet.
    for (const seq of [5, 6, 7]) feed.deliver(event(seq));
    stored.push(event(6), event(7));
    openGate();
    await until(([name]) => name === "caught_up");
    expect(seqs(received)).toEqual([3, 4, 5, 6, 7]);
    expect(received.find(([name]) => name === "caught_up")?.[1]).toEqual({ familyId, seq: 7 });
    const caughtUpAt = received.findIndex(([name]) => name === "caught_up");
    expect(received.slice(0, caughtUpAt).map(([name]) => name)).toEqual(["event", "event", "event", "event", "event"]);
    feed.deliver(event(8));
    feed.deliver(event(7));
    await until(([name, p]) => name === "event" && p?.seq === 8);
    expect(seqs(received)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it("out-of-order live events are each sent once; a hole is filled from history", async () => {
    store(1);
    const { received, until } = await connect();
    await attached();
    feed.deliver(event(3));
    feed.deliver(event(2));
    feed.deliver(event(3));
    feed.deliver(event(2));
    await until(([, p]) => p?.seq === 2);
    // 4 was committed but its publish was lost: 5 arrives, and the repair reads 4 from history.
    store(2, 3, 4, 5);
    feed.deliver(event(5));
    await until(([, p]) => p?.seq === 4);
    feed.deliver(event(6));
    await until(([, p]) => p?.seq === 6);
    expect(seqs(received)).toEqual([3, 2, 5, 4, 6]);
  });

  it("a seq that was never stored does not leave a hole waited for forever", async () => {
    store(1);
    const { received, until } = await connect();
    await attached();
    // 2 was never stored (a stray publish never happened for it); 3 is real and arrives.
    store(3);
    feed.deliver(event(3));
    await until(([, p]) => p?.seq === 3);
    // The repair reads history once, finds nothing below 3 and stops waiting for 2.
    await waitFor(() => reads > 1);
    const readsAfterRepair = reads;
    store(4);
    feed.deliver(event(4));
    feed.deliver(event(2)); // too late: 2 counts as skipped
    await until(([, p]) => p?.seq === 4);
    await new Promise((r) => setTimeout(r, 150)); // three repair periods: nothing left to repair
    expect(reads).toBe(readsAfterRepair);
    expect(seqs(received)).toEqual([3, 4]);
  });

  it("too far behind → resync with the family's seq, then live events", async () => {
    store(...Array.from({ length: CATCH_UP_LIMIT + 5 }, (_, i) => i + 1));
    const { received, until } = await connect({ since: { [familyId]: 1 } });
    await until(([name]) => name === "caught_up");
    expect(received.filter(([name]) => name !== "caught_up")).toEqual([
      ["resync", { familyId, seq: CATCH_UP_LIMIT + 5, reason: "too_far_behind" }],
    ]);
    feed.deliver(event(CATCH_UP_LIMIT + 6));
    await until(([, p]) => p?.seq === CATCH_UP_LIMIT + 6);
  });

  it("membership: a removed user leaves at once, an added one joins from that seq, a deleted family empties the room", async () => {
    store(1);
    const other = randomUUID();
    const stayer = await connect();
    const leaver = await connect({ user: other });
    const joiner = await connect({ user: randomUUID(), families: [] });
    await attached(2);
    feed.deliver(event(2, "membership.removed", { userId: other }));
    feed.deliver(event(3));
    const joinerId = [...io.of("/").sockets.values()].find((s) => s.data.families.length === 0)!.data.userId;
    feed.deliver(event(4, "membership.added", { userId: joinerId }));
    feed.deliver(event(5));
    feed.deliver(event(6, "family.deleted"));
    feed.deliver(event(7));
    await stayer.until(([name]) => name === "family:left");
    await joiner.until(([name]) => name === "family:left");
    await leaver.until(([name]) => name === "family:left");
    expect(seqs(stayer.received)).toEqual([2, 3, 4, 5, 6]);
    expect(leaver.received).toEqual([["family:left", { familyId }]]);
    expect(joiner.received.map(([name, p]) => (name === "event" ? p?.seq : name))).toEqual(["family:joined", 4, 5, 6, "family:left"]);
  });

  it("a `since` for a family the user no longer belongs to gets family:left", async () => {
    const gone = randomUUID();
    const { received, until } = await connect({ since: { [gone]: 4 } });
    await until(([name]) => name === "family:left");
    expect(received).toEqual([["family:left", { familyId: gone }]]);
  });

  it("a family deleted while a socket catches up: the socket still gets family.deleted, then family:left", async () => {
    store(1, 2);
    closeGate();
    const { received, until } = await connect({ since: { [familyId]: 1 } });
    await attached();
    feed.deliver(event(3, "family.deleted"));
    openGate();
    await until(([name]) => name === "family:left");
    expect(received).toEqual([
      ["event", event(3, "family.deleted")],
      ["family:left", { familyId }],
    ]);
  });

  it("after an outage, recoverAll sends each socket what it missed and nothing twice", async () => {
    store(1, 2);
    const first = await connect();
    const second = await connect({ since: { [familyId]: 1 } });
    await second.until(([name]) => name === "caught_up");
    await attached(2);
    // Lost on pub/sub while Redis was away, but stored.
    store(3, 4);
    const before = reads;
    feed.recoverAll();
    await first.until(([, p]) => p?.seq === 4);
    await second.until(([, p]) => p?.seq === 4);
    expect(reads - before).toBe(1);
    expect(seqs(first.received)).toEqual([3, 4]);
    expect(seqs(second.received)).toEqual([2, 3, 4]);
  });
});

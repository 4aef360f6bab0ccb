import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { encodeHlc } from "./hlc";
import {
  activityStateFromRecord,
  activityView,
  applyActivityOp,
  applyActivityOps,
  canonical,
  emptyActivityState,
  joinActivityStates,
  stampChangedFields,
  type ActivityState,
} from "./merge";
import type { ActivityOp } from "./ops";

const ID = "5b0c6a34-3b1e-4d4e-9a55-0d3f7f6c2a11";
const CHILD = "7f1c0f4e-2b8b-4d71-8a57-6a1f2f1b9c01";
let n = 0;
const opId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
const at = (wall: number, node = "a", counter = 0) => encodeHlc({ wall, counter, node });

const create = (hlc: string, details: Record<string, unknown> = { method: "bottle", amountMl: 120, milk: "formula" }): ActivityOp => ({
  opId: opId(),
  hlc,
  kind: "activity.create",
  id: ID,
  activity: { childId: CHILD, type: "feeding", startedAt: "2026-11-20T08:00:00.000Z", details },
});
const update = (hlc: string, patch: Extract<ActivityOp, { kind: "activity.update" }>["patch"]): ActivityOp => ({
  opId: opId(),
  hlc,
  kind: "activity.update",
  id: ID,
  patch,
});
const remove = (hlc: string): ActivityOp => ({ opId: opId(), hlc, kind: "activity.delete", id: ID });
const restore = (hlc: string): ActivityOp => ({ opId: opId(), hlc, kind: "activity.restore", id: ID });

const view = (ops: ActivityOp[]) => activityView(applyActivityOps(null, ops)!);

describe("merge: example rules", () => {
  it("a create makes the entry; the same create again changes nothing", () => {
    const op = create(at(100));
    const once = applyActivityOp(null, op);
    expect(once.changed).toBe(true);
    expect(activityView(once.state)).toEqual({
      id: ID,
      childId: CHILD,
      type: "feeding",
      startedAt: "2026-11-20T08:00:00.000Z",
      endedAt: null,
      notes: null,
      details: { method: "bottle", amountMl: 120, milk: "formula" },
      deleted: false,
    });
    const twice = applyActivityOp(once.state, op);
    expect(twice.changed).toBe(false);
    expect(twice.state).toBe(once.state);
  });

  it("concurrent edits of different fields both survive, in either order", () => {
    const ops = [create(at(100)), update(at(200, "mum"), { details: { amountMl: 90 } }), update(at(150, "dad"), { notes: "spat up" })];
    const expected = { ...view(ops)! };
    expect(expected.details).toEqual({ method: "bottle", amountMl: 90, milk: "formula" });
    expect(expected.notes).toBe("spat up");
    expect(view([ops[2], ops[1], ops[0]])).toEqual(expected);
  });

  it("different keys of details are different fields", () => {
    const ops = [
      create(at(100)),
      update(at(200, "mum"), { details: { amountMl: 90 } }),
      update(at(201, "dad"), { details: { milk: "breast_milk" } }),
    ];
    expect(view(ops)!.details).toEqual({ method: "bottle", amountMl: 90, milk: "breast_milk" });
    expect(view([...ops].reverse())!.details).toEqual({ method: "bottle", amountMl: 90, milk: "breast_milk" });
  });

  it("the same field: the higher hlc wins, whatever the arrival order", () => {
    const ops = [
      create(at(100)),
      update(at(300, "dad"), { details: { amountMl: 60 } }),
      update(at(200, "mum"), { details: { amountMl: 90 } }),
    ];
    expect(view(ops)!.details.amountMl).toBe(60);
    expect(view([ops[0], ops[2], ops[1]])!.details.amountMl).toBe(60);
  });

  it("the same field at the same wall time and counter: the node id decides", () => {
    const ops = [create(at(100)), update(at(200, "mum"), { notes: "mum" }), update(at(200, "dad"), { notes: "dad" })];
    expect(view(ops)!.notes).toBe("mum");
    expect(view([ops[0], ops[2], ops[1]])!.notes).toBe("mum");
  });

  it("a details key set to null is removed, and stays removed against an older write", () => {
    const ops = [
      create(at(100), { method: "breast", leftSeconds: 300, lastSide: "left" }),
      update(at(300), { details: { lastSide: null } }),
      update(at(200, "b"), { details: { lastSide: "right" } }),
    ];
    expect(view(ops)!.details).toEqual({ method: "breast", leftSeconds: 300 });
  });

  it("delete wins against a concurrent edit, even a later one; the edit is kept for a restore", () => {
    const ops = [create(at(100)), remove(at(200, "mum")), update(at(300, "dad"), { details: { amountMl: 80 } })];
    for (const order of [ops, [ops[0], ops[2], ops[1]], [ops[2], ops[1], ops[0]]]) {
      const v = view(order)!;
      expect(v.deleted).toBe(true);
      expect(v.details.amountMl).toBe(80);
    }
    const restored = view([...ops, restore(at(400, "mum"))])!;
    expect(restored).toMatchObject({ deleted: false, details: { amountMl: 80 } });
  });

  it("a restore older than the delete does not bring the entry back", () => {
    const ops = [create(at(100)), restore(at(150)), remove(at(200, "b"))];
    expect(view(ops)!.deleted).toBe(true);
    expect(view([ops[2], ops[1], ops[0]])!.deleted).toBe(true);
    expect(view([ops[0], remove(at(150, "b")), restore(at(200))])!.deleted).toBe(false);
  });

  it("ops that arrive before the create are kept and show once it arrives", () => {
    const edit = update(at(300), { notes: "later" });
    const early = applyActivityOp(null, edit).state;
    expect(activityView(early)).toBeNull();
    expect(activityView(applyActivityOp(early, create(at(100))).state)!.notes).toBe("later");
  });

  it("a stale write reports no change", () => {
    const state = applyActivityOps(null, [create(at(100)), update(at(300), { notes: "new" })])!;
    expect(applyActivityOp(state, update(at(200, "b"), { notes: "old" })).changed).toBe(false);
    expect(applyActivityOp(state, remove(at(50))).changed).toBe(true);
    expect(applyActivityOp(applyActivityOp(state, remove(at(50))).state, restore(at(40))).changed).toBe(false);
  });

  it("refuses an op for another entry", () => {
    expect(() => applyActivityOp(emptyActivityState("other"), create(at(1)))).toThrow();
  });

  it("a stored record without clocks loses to any op; REST edits stamp only the fields they changed", () => {
    const record = {
      id: ID,
      childId: CHILD,
      type: "feeding",
      startedAt: "2026-11-20T08:00:00.000Z",
      endedAt: null,
      notes: null,
      details: { method: "bottle", amountMl: 120, milk: "formula" },
      clocks: {},
      deleted: false,
      deletedHlc: null,
    };
    const state = activityStateFromRecord(record);
    expect(activityView(applyActivityOp(state, update(at(1), { notes: "x" })).state)!.notes).toBe("x");
    const clocks = stampChangedFields(
      state,
      activityStateFromRecord({ ...record, details: { method: "bottle", amountMl: 90, milk: "formula" } }).values,
      at(500, "server"),
    );
    expect(clocks).toEqual({ "details.amountMl": at(500, "server") });
    const removedKey = stampChangedFields(
      state,
      activityStateFromRecord({ ...record, details: { method: "bottle", amountMl: 120 } }).values,
      at(600, "server"),
    );
    expect(removedKey).toEqual({ "details.milk": at(600, "server") });
    const back = activityStateFromRecord({ ...record, details: { method: "bottle", amountMl: 120 }, clocks: removedKey });
    expect(back.values["details.milk"]).toBeNull();
    expect(applyActivityOp(back, update(at(550), { details: { milk: "formula" } })).changed).toBe(false);
  });

  it("canonical JSON ignores key order", () => {
    expect(canonical({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(canonical({ a: [1, { c: 3, d: 2 }], b: 1 }));
  });
});

// ---- properties -------------------------------------------------------------------------------

const nodes = ["mum", "dad", "nan"];
const hlcArb = fc
  .record({ wall: fc.integer({ min: 1, max: 40 }), counter: fc.integer({ min: 0, max: 2 }), node: fc.constantFrom(...nodes) })
  .map(encodeHlc);
const detailsPatch = fc.dictionary(
  fc.constantFrom("amountMl", "milk", "method", "foods"),
  fc.oneof(
    fc.constant(null),
    fc.integer({ min: 1, max: 300 }),
    fc.constantFrom("formula", "breast_milk"),
    fc.array(fc.constantFrom("pea", "apple"), { maxLength: 2 }),
  ),
  { minKeys: 1, maxKeys: 3 },
);
const patchArb = fc
  .record(
    {
      startedAt: fc.constantFrom("2026-11-20T08:00:00.000Z", "2026-11-20T09:00:00.000Z"),
      endedAt: fc.constantFrom(null, "2026-11-20T10:00:00.000Z"),
      notes: fc.constantFrom(null, "a", "b"),
      details: detailsPatch,
    },
    { requiredKeys: [] },
  )
  .filter((p) => Object.keys(p).length > 0);

const opArb: fc.Arbitrary<ActivityOp> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc
      .tuple(hlcArb, detailsPatch)
      .map(([h, d]) => create(h, Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null)))),
  },
  { weight: 4, arbitrary: fc.tuple(hlcArb, patchArb).map(([h, p]) => update(h, p)) },
  { weight: 1, arbitrary: hlcArb.map(remove) },
  { weight: 1, arbitrary: hlcArb.map(restore) },
);

/** Ops as a device would make them: every op has its own stamp (a node never reuses one). */
const opSetArb = fc.uniqueArray(opArb, { minLength: 1, maxLength: 12, selector: (op) => op.hlc });

/** A delivery of the set: any order, each op at least once, some more than once. */
const deliveryArb = (ops: ActivityOp[]) =>
  fc
    .tuple(fc.shuffledSubarray(ops, { minLength: ops.length, maxLength: ops.length }), fc.array(fc.constantFrom(...ops), { maxLength: 6 }))
    .chain(([all, extra]) =>
      fc.shuffledSubarray([...all, ...extra], { minLength: all.length + extra.length, maxLength: all.length + extra.length }),
    );

describe("merge: properties", () => {
  it("any order and duplication of the same ops converges to the same state", () => {
    fc.assert(
      fc.property(
        opSetArb.chain((ops) => fc.tuple(fc.constant(ops), deliveryArb(ops), deliveryArb(ops), deliveryArb(ops))),
        ([ops, r1, r2, r3]) => {
          const reference = applyActivityOps(null, ops);
          for (const replica of [r1, r2, r3]) expect(applyActivityOps(null, replica)).toEqual(reference);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("applying an op twice is the same as once (idempotent)", () => {
    fc.assert(
      fc.property(opSetArb, opArb, (ops, op) => {
        const state = applyActivityOps(null, ops) ?? emptyActivityState(ID);
        const once = applyActivityOp(state, op).state;
        const twice = applyActivityOp(once, op);
        expect(twice.changed).toBe(false);
        expect(twice.state).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it("joining replica states is commutative, associative and idempotent, and equals applying all ops", () => {
    const split = opSetArb.chain((ops) =>
      fc.tuple(fc.constant(ops), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: ops.length, maxLength: ops.length })),
    );
    fc.assert(
      fc.property(split, ([ops, owners]) => {
        const replicas: ActivityState[] = [0, 1, 2].map((r) =>
          applyActivityOps(
            emptyActivityState(ID),
            ops.filter((_, i) => owners[i] === r),
          )!,
        );
        const [a, b, c] = replicas;
        const all = applyActivityOps(emptyActivityState(ID), ops);
        expect(joinActivityStates(a, b)).toEqual(joinActivityStates(b, a));
        expect(joinActivityStates(joinActivityStates(a, b), c)).toEqual(joinActivityStates(a, joinActivityStates(b, c)));
        expect(joinActivityStates(a, a)).toEqual(a);
        expect(joinActivityStates(joinActivityStates(a, b), c)).toEqual(all);
      }),
      { numRuns: 300 },
    );
  });

  it("the merged state is what per-field last-writer-wins says", () => {
    fc.assert(
      fc.property(opSetArb, (ops) => {
        const state = applyActivityOps(null, ops)!;
        for (const [path, hlc] of Object.entries(state.clocks)) {
          // No op that wrote this path has a higher stamp than the one that holds it.
          for (const op of ops) {
            if (op.kind !== "activity.update" && op.kind !== "activity.create") continue;
            const wrote =
              op.kind === "activity.create"
                ? path in { childId: 1, type: 1, startedAt: 1, endedAt: 1, notes: 1 } || path.slice(8) in op.activity.details
                : path.startsWith("details.")
                  ? path.slice(8) in (op.patch.details ?? {})
                  : path in op.patch;
            if (wrote) expect(op.hlc <= hlc).toBe(true);
          }
        }
        const existence = ops
          .filter((op) => op.kind === "activity.delete" || op.kind === "activity.restore")
          .sort((x, y) => (x.hlc < y.hlc ? -1 : 1));
        const last = existence[existence.length - 1];
        expect(state.deleted).toBe(last ? last.kind === "activity.delete" : false);
      }),
      { numRuns: 300 },
    );
  });
});

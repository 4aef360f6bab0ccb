import { describe, expect, it } from "vitest";
import { DeliveryTally, familySockets, instanceOf, steadySchedule } from "./tally";

describe("DeliveryTally", () => {
  it("splits the writer's receipt from the others' and measures from the send", () => {
    const tally = new DeliveryTally();
    tally.expect("e1", { sentAt: 100, sockets: [0, 1, 2, 3], writer: 0 });
    tally.receive("e1", 1, 104);
    tally.receive("e1", 0, 103);
    tally.receive("e1", 2, 110);
    tally.receive("e1", 3, 112);
    expect(tally.latencies).toEqual([4, 10, 12]);
    expect(tally.writerLatencies).toEqual([3]);
    expect(tally.outstanding()).toBe(0);
    expect(tally.lastReceipt()).toBe(112);
    expect(tally.report()).toMatchObject({ events: 1, expectedDeliveries: 4, delivered: 4, lost: 0, duplicated: 0, unexpected: 0 });
  });

  it("counts lost, duplicated and cross-family deliveries; a duplicate adds no latency sample", () => {
    const tally = new DeliveryTally();
    tally.expect("a", { sentAt: 0, sockets: [0, 1], writer: 0 });
    tally.expect("b", { sentAt: 0, sockets: [2, 3], writer: 2 });
    tally.receive("a", 1, 5);
    tally.receive("a", 1, 6);
    tally.receive("a", 2, 7); // socket 2 is another family's
    tally.receive("zzz", 0, 8); // never sent
    tally.receive("b", 3, 9);
    expect(tally.latencies).toEqual([5, 9]);
    expect(tally.outstanding()).toBe(2);
    const report = tally.report();
    expect(report).toMatchObject({ events: 2, expectedDeliveries: 4, delivered: 2, lost: 2, duplicated: 1, unexpected: 2 });
    expect(report.lostSamples).toEqual(["a: 1/2 sockets", "b: 1/2 sockets"]);
  });

  it("a failed write is expected nowhere; its receipt is unexpected", () => {
    const tally = new DeliveryTally();
    tally.expect("x", { sentAt: 0, sockets: [0, 1] });
    tally.fail("x");
    tally.receive("x", 1, 3);
    expect(tally.outstanding()).toBe(0);
    expect(tally.report()).toMatchObject({ events: 0, failedWrites: 1, expectedDeliveries: 0, lost: 0, unexpected: 1 });
  });
});

describe("layout and schedule", () => {
  it("numbers a family's sockets contiguously, so alternating instances put each family on both", () => {
    expect(familySockets(2, 4)).toEqual([8, 9, 10, 11]);
    expect(familySockets(2, 4).map((s) => instanceOf(s, 2))).toEqual([0, 1, 0, 1]);
  });

  it("spaces sends evenly at the rate", () => {
    expect(steadySchedule(4, 1)).toEqual([0, 250, 500, 750]);
    expect(steadySchedule(50, 60)).toHaveLength(3000);
  });
});

import { UnrecoverableError, type Job } from "bullmq";
import { describe, expect, it, vi } from "vitest";
import { dispatcher } from "./workers";
import type { Processors } from "./processors";

const job = (name: string, data: unknown) => ({ name, data }) as Job;
const ids = { familyId: "00000000-0000-4000-8000-000000000001", childId: "00000000-0000-4000-8000-000000000002" };

function fakeProcessors() {
  return {
    "refresh-child": vi.fn(async () => "refreshed"),
    "nightly-insights": vi.fn(async () => "nightly"),
    "purge-family": vi.fn(async () => "purged"),
  } satisfies Processors;
}

describe("dispatcher", () => {
  it("hands each job to its processor with the payload parsed again (defaults applied)", async () => {
    const processors = fakeProcessors();
    const run = dispatcher(processors);
    await expect(run(job("refresh-child", ids))).resolves.toBe("refreshed");
    expect(processors["refresh-child"]).toHaveBeenCalledWith(ids, expect.anything());
    await expect(run(job("nightly-insights", {}))).resolves.toBe("nightly");
    expect(processors["nightly-insights"]).toHaveBeenCalledWith({ activeWithinDays: 2 }, expect.anything());
  });

  it("fails for good (no retries) on an unknown name or an invalid payload", async () => {
    const processors = fakeProcessors();
    const run = dispatcher(processors);
    await expect(run(job("export-pdf", {}))).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(run(job("refresh-child", { ...ids, childId: "nope" }))).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(run(job("refresh-child", { ...ids, extra: 1 }))).rejects.toBeInstanceOf(UnrecoverableError);
    expect(processors["refresh-child"]).not.toHaveBeenCalled();
  });
});

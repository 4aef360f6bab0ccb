import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debounce } from "./debounce";

describe("debounce", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("folds a burst into one call after the wait", () => {
    const fn = vi.fn();
    const call = debounce(fn, 150, 1_000);
    call();
    vi.advanceTimersByTime(100);
    call();
    vi.advanceTimersByTime(100);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("still fires every max wait while calls keep coming", () => {
    const fn = vi.fn();
    const call = debounce(fn, 150, 1_000);
    for (let t = 0; t < 2_500; t += 100) {
      call();
      vi.advanceTimersByTime(100);
    }
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("cancel drops a pending call", () => {
    const fn = vi.fn();
    const call = debounce(fn, 150, 1_000);
    call();
    call.cancel();
    vi.advanceTimersByTime(2_000);
    expect(fn).not.toHaveBeenCalled();
  });
});

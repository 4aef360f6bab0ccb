/** Trailing debounce that still fires at least every `maxWaitMs` while calls keep coming. */
export function debounce(fn: () => void, waitMs: number, maxWaitMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstCall: number | undefined;
  const run = () => {
    timer = undefined;
    firstCall = undefined;
    fn();
  };
  const call = () => {
    const now = Date.now();
    firstCall ??= now;
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(waitMs, firstCall + maxWaitMs - now)));
  };
  call.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    firstCall = undefined;
  };
  return call;
}

/**
 * After "Start" the button that was pressed disappears (the running timer takes its place), so
 * keyboard and screen-reader focus would fall back to the page. The start button leaves the
 * timer's type here; the timer card that mounts for it takes the focus.
 */
let awaiting: string | null = null;

export function handFocusTo(timerType: string | null) {
  awaiting = timerType;
}

export function takeFocus(timerType: string): boolean {
  if (awaiting !== timerType) return false;
  awaiting = null;
  return true;
}

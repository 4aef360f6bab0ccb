"use client";

import { uuid } from "@/lib/offline/uuid";

/**
 * A hidden input holding a uuid made once, in the browser, when the form mounts. Every submit of
 * this form sends the same id, so a double tap or a retry after a lost response creates one entry
 * (the service returns the stored entry for a known id). The value is set outside React's
 * render so server and client markup agree.
 */
export function IdempotencyKey({ name = "id" }: { name?: string }) {
  return <input type="hidden" name={name} ref={assignOnce} />;
}

function assignOnce(input: HTMLInputElement | null) {
  if (input && !input.value) input.value = uuid();
}

"use client";

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
  if (input && !input.value) input.value = newUuid();
}

/** crypto.randomUUID needs a secure context; a self-hosted server on plain http:// has none. */
function newUuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

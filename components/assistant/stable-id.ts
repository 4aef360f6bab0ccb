import { newClientId } from "@/components/activities/client-id";

/**
 * A v4-shaped uuid derived from `key` (SHA-256), so a drafted entry keeps one id: saving the same
 * draft again, even after reopening the chat, is the same entry (the activity service returns the
 * stored one). Without Web Crypto (plain http off localhost) a random id.
 */
export async function stableUuid(key: string): Promise<string> {
  if (!globalThis.crypto?.subtle) return newClientId();
  const b = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key))).slice(0, 16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

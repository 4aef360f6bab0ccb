/** Which translated message a failed chat request gets (the body of an error is `{ error: { code } }`). */
export type ChatErrorKind = "rateLimited" | "quota" | "offline" | "tooLong" | "invalid" | "generic";

export function chatErrorKind(error: Error | undefined, online: boolean): ChatErrorKind | null {
  if (!error) return null;
  if (!online || error instanceof TypeError) return "offline";
  let code = "";
  try {
    code = String((JSON.parse(error.message) as { error?: { code?: string } }).error?.code ?? "");
  } catch {
    return "generic";
  }
  if (code === "rate_limited:ai_quota") return "quota";
  if (code.startsWith("rate_limited")) return "rateLimited";
  if (code.startsWith("payload_too_large")) return "tooLong";
  if (code.startsWith("bad_request")) return "invalid";
  return "generic";
}

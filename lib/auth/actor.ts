/** Who is acting: resolved from a session cookie or a personal access token by the transport. */
export type Actor = {
  userId: string;
  via: "session" | "token" | "system";
  sessionId?: string;
  tokenId?: string;
};

/** The actor for seeds, importers and the worker acting on a user's behalf. */
export function systemActor(userId: string): Actor {
  return { userId, via: "system" };
}

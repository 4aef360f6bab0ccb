import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/config/env";
import type { RealtimeTokenResponse } from "./protocol";
import { signRealtimeToken } from "./token";

/**
 * Where browsers reach the sidecar: REALTIME_PUBLIC_URL when set (a load balancer, another
 * host), otherwise the host the request came to, on REALTIME_PORT.
 */
export function realtimeUrl(request: Request): string {
  const configured = env().REALTIME_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(request.url);
  const forwarded = env().TRUST_PROXY ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const protocol = forwarded === "https" || forwarded === "http" ? `${forwarded}:` : url.protocol;
  const host = request.headers.get("host") ?? url.host;
  // Keep only the host name (IPv6 brackets included) and swap in the sidecar's port.
  const hostname = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
  return `${protocol}//${hostname}:${env().REALTIME_PORT}`;
}

/** A short-lived realtime token for the actor; it carries the session or access token it came from. */
export function issueRealtimeToken({ actor, request }: { actor: Actor; request: Request }): RealtimeTokenResponse {
  const { token, expiresAt } = signRealtimeToken({
    userId: actor.userId,
    sessionId: actor.sessionId,
    tokenId: actor.tokenId,
    ttlSeconds: env().REALTIME_TOKEN_TTL_SECONDS,
  });
  return { token, url: realtimeUrl(request), expiresAt: expiresAt.toISOString() };
}

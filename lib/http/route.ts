import { AppError } from "@/lib/errors/app-error";
import { negotiateLocale, type Locale } from "@/lib/i18n/config";
import { env } from "@/lib/config/env";
import type { Actor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve";
import type { RequestMeta } from "@/lib/auth/audit";
import { enforceRateLimits, type Bucket } from "./rate-limit";
import { errorResponse } from "./errors";
import { readJsonBody, requestMeta, searchParams } from "./request";

type Params = Record<string, string | string[] | undefined>;

type BaseContext<P> = {
  request: Request;
  params: P;
  locale: Locale;
  meta: RequestMeta;
  body: () => Promise<unknown>;
  query: () => Record<string, string>;
};

type Options = {
  /** "auth" endpoints (register, token) get the stricter per-IP limit. */
  limit?: "api" | "auth";
};

/**
 * The thin transport shell of every REST handler: rate limits, actor, JSON body, and error
 * mapping. Handlers only parse, call a service, and shape the response.
 */
export function authedRoute<P extends Params = Params>(
  handler: (ctx: BaseContext<P> & { actor: Actor }) => Promise<Response>,
  options: Options = {},
) {
  return wrap<P>(async (ctx) => {
    const actor = await resolveActor(ctx.request);
    if (!actor) throw new AppError("unauthorized:auth");
    await enforceRateLimits([
      { key: `ip:${ctx.meta.ip}`, limit: env().RATE_LIMIT_IP },
      { key: actor.tokenId ? `token:${actor.tokenId}` : `user:${actor.userId}`, limit: env().RATE_LIMIT_USER },
    ]);
    return handler({ ...ctx, actor });
  }, options);
}

export function publicRoute<P extends Params = Params>(handler: (ctx: BaseContext<P>) => Promise<Response>, options: Options = {}) {
  return wrap<P>(async (ctx) => {
    const buckets: Bucket[] = [{ key: `ip:${ctx.meta.ip}`, limit: env().RATE_LIMIT_IP }];
    if (options.limit === "auth") buckets.push({ key: `auth-ip:${ctx.meta.ip}`, limit: env().RATE_LIMIT_AUTH_IP });
    await enforceRateLimits(buckets);
    return handler(ctx);
  }, options);
}

function wrap<P extends Params>(run: (ctx: BaseContext<P>) => Promise<Response>, _options: Options) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const locale = negotiateLocale(request.headers.get("accept-language"));
    try {
      const params = (await context?.params) ?? ({} as P);
      return await run({
        request,
        params,
        locale,
        meta: requestMeta(request),
        body: () => readJsonBody(request),
        query: () => searchParams(request),
      });
    } catch (error) {
      const response = errorResponse(error, locale);
      // A refused oversized body is left unread on the socket; reusing that connection would
      // stall the client's next request, so this one closes it.
      if (response.status === 413) response.headers.set("connection", "close");
      return response;
    }
  };
}

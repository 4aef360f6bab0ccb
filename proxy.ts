import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

/** Locale routing only (Accept-Language → /{locale}/…); authorization lives in the services. */
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};

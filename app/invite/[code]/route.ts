import { negotiateLocale } from "@/lib/i18n/config";

/**
 * Invite links from the API (`${APP_URL}/invite/{code}`) carry no locale; send them to the
 * localized landing in the browser's best language. (The locale proxy usually does this first.)
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const locale = negotiateLocale(request.headers.get("accept-language"));
  return Response.redirect(new URL(`/${locale}/invite/${encodeURIComponent(code)}`, request.url), 307);
}

import { AppError } from "@/lib/errors/app-error";
import { negotiateLocale } from "@/lib/i18n/config";

function notFound(request: Request): Response {
  return new AppError("not_found:route").toResponse(negotiateLocale(request.headers.get("accept-language")));
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };

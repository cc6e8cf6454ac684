/**
 * Mutations must come from Tailor's own pages: a browser always sends Origin on cross-site
 * POSTs, so a POST whose Origin is not ours (APP_URL or the Host it was sent to) is refused.
 */
export function isSameOriginRequest(request: Request, appUrl: string): boolean {
  if (request.method === "GET" || request.method === "HEAD") return true;
  const origin = request.headers.get("origin");
  if (!origin) return !request.headers.get("sec-fetch-site") || request.headers.get("sec-fetch-site") === "same-origin";
  if (origin === new URL(appUrl).origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

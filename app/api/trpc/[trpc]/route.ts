import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getEnv } from "@/server/env";
import { isSameOriginRequest } from "@/server/http/same-origin";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

function handler(request: Request) {
  if (!isSameOriginRequest(request, getEnv().APP_URL)) {
    return Response.json({ error: "Cross-site requests are not allowed." }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // Queries may arrive as POST (the client's methodOverride), after the same-origin check above.
    allowMethodOverride: true,
    createContext: () => createContext(request.headers),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };

import { getAuth } from "@/server/auth/auth";

// better-auth checks Origin against APP_URL on its own POST endpoints (sign-in, sign-out).
export const GET = (request: Request) => getAuth().handler(request);
export const POST = (request: Request) => getAuth().handler(request);

// The outbox domain's surface: the capture server the launcher starts, and the router.
export { startCaptureServer, type CaptureServer } from "./capture-server";
export { outboxRouter } from "./router";

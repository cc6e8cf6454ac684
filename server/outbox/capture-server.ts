import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { Db } from "../db/client";
import { parseCapturedMessage } from "./parse-captured";
import { storeCapturedMessage } from "./store-message";

/** Larger messages are refused: far beyond Gmail's 102 KB clipping, and the Outbox keeps them in Postgres. */
export const CAPTURE_MAX_BYTES = 10 * 1024 * 1024;

export type CaptureServer = { url: string; port: number; close: () => Promise<void> };

/**
 * A local SMTP server on loopback that accepts every message (no auth, no TLS: it listens on
 * 127.0.0.1 only) and stores it, parsed, in outbox_message for the Outbox page.
 */
export async function startCaptureServer(db: Db, options: { host?: string; port?: number; log?: (line: string) => void } = {}): Promise<CaptureServer> {
  const host = options.host ?? "127.0.0.1";
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: CAPTURE_MAX_BYTES,
    banner: "Tailor capture server",
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          sizeBytes: raw.length,
        };
        parseCapturedMessage(raw)
          .then((parsed) => storeCapturedMessage(db, parsed, envelope))
          .then((stored) => {
            options.log?.(`captured a message for ${envelope.to.join(", ")}${stored.workspaceId ? "" : " (no workspace)"}`);
            callback(null, `Captured as ${stored.id}`);
          })
          .catch((error: unknown) => {
            console.error("capture server could not store a message", error);
            callback(Object.assign(new Error("Could not store the message"), { responseCode: 451 }));
          });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => console.error("capture server error", error));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${host}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

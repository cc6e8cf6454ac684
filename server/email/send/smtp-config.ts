import { z } from "zod";

/**
 * Where test sends go: SMTP_URL (a real server, e.g. smtps://user:pass@smtp.example.com:465),
 * else the local capture server the launcher started (TAILOR_CAPTURE_SMTP_URL), whose messages
 * appear in the Outbox. Read per call: the launcher sets them before the web process starts.
 */
export type SmtpTarget = { url: string; captured: boolean; from: string };

const urlSchema = z.string().regex(/^smtps?:\/\//, "SMTP URLs start with smtp:// or smtps://");

export function smtpTarget(environment: Readonly<Record<string, string | undefined>> = process.env): SmtpTarget | null {
  const from = environment.MAIL_FROM || `tailor@${hostOf(environment.APP_URL) ?? "localhost"}`;
  if (environment.SMTP_URL) return { url: urlSchema.parse(environment.SMTP_URL), captured: false, from };
  if (environment.TAILOR_CAPTURE_SMTP_URL) return { url: urlSchema.parse(environment.TAILOR_CAPTURE_SMTP_URL), captured: true, from };
  return null;
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

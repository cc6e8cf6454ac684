export type BodyResult = { ok: true; text: string; bytes: number } | { ok: false; tooLarge: true };

/**
 * Reads a request body as UTF-8, giving up as soon as it passes `maxBytes` (a declared
 * Content-Length over the limit is refused before reading anything), so an oversized upload
 * costs no more memory than the limit.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, text: "", bytes: 0 };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8"), bytes };
}

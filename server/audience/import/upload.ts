import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { UserFacingError } from "../../errors";
import { CHUNK_BYTES } from "./chunks";
import { detectCsvFormat } from "./csv-format";
import type { ImportKind } from "./fields";
import { readPreview } from "./preview";
import type { UploadInfo } from "./schemas";

export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const NEWLINE = 0x0a;

export type UploadActor = { userId: string; workspaceId: string };

export type UploadInput = {
  kind: ImportKind;
  fileName: string;
  body: AsyncIterable<Uint8Array>;
  maxBytes?: number;
};

/** The upload was larger than allowed; route handlers answer 413. */
export class UploadTooLargeError extends UserFacingError {
  constructor(maxBytes: number) {
    super("BAD_REQUEST", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the largest Tailor imports.`, "file");
    this.name = "UploadTooLargeError";
  }
}

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? "";
  if (!base) throw new UserFacingError("BAD_REQUEST", "The file has no name.", "file");
  return base.slice(0, 200);
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/** Splits incoming pieces of any size into chunks of exactly CHUNK_BYTES (the last one shorter). */
class ChunkBuffer {
  private pieces: Uint8Array[] = [];
  private size = 0;

  push(piece: Uint8Array): Buffer[] {
    this.pieces.push(piece);
    this.size += piece.byteLength;
    const full: Buffer[] = [];
    while (this.size >= CHUNK_BYTES) {
      const all = Buffer.concat(this.pieces, this.size);
      full.push(all.subarray(0, CHUNK_BYTES));
      const rest = all.subarray(CHUNK_BYTES);
      this.pieces = rest.byteLength > 0 ? [rest] : [];
      this.size = rest.byteLength;
    }
    return full;
  }

  rest(): Buffer | null {
    return this.size > 0 ? Buffer.concat(this.pieces, this.size) : null;
  }
}

/**
 * Stores an uploaded CSV file as 1 MB chunks of an `import` row without ever holding the whole
 * file, and reads its format, header and first rows for the preview. The import stays pending
 * until it is started with a mapping. A failed or oversized upload leaves nothing behind.
 */
export async function storeUpload(db: Db, actor: UploadActor, input: UploadInput): Promise<{ id: string }> {
  const fileName = cleanFileName(input.fileName);
  const maxBytes = input.maxBytes ?? MAX_UPLOAD_BYTES;
  const created = await db.import.create({
    data: { workspaceId: actor.workspaceId, kind: input.kind, fileName, fileSize: 0, createdById: actor.userId },
  });
  try {
    const hash = createHash("sha256");
    const buffer = new ChunkBuffer();
    let size = 0;
    let newlines = 0;
    let lastByte = NEWLINE;
    let seq = 0;
    let head: Buffer | null = null;
    const save = async (chunk: Buffer) => {
      head ??= Buffer.from(chunk);
      await db.importChunk.create({ data: { importId: created.id, seq: seq++, data: new Uint8Array(chunk) } });
    };
    for await (const piece of input.body) {
      size += piece.byteLength;
      if (size > maxBytes) throw new UploadTooLargeError(maxBytes);
      if (piece.byteLength === 0) continue;
      hash.update(piece);
      newlines += countNewlines(piece);
      lastByte = piece[piece.byteLength - 1]!;
      for (const chunk of buffer.push(piece)) await save(chunk);
    }
    const rest = buffer.rest();
    if (rest) await save(rest);
    if (!head) throw new UserFacingError("BAD_REQUEST", "The file is empty.", "file");

    const upload = describeUpload(head, {
      contentSha256: hash.digest("hex"),
      lines: newlines + (lastByte === NEWLINE ? 0 : 1),
    });
    await db.import.update({
      where: { id: created.id },
      data: { fileSize: size, rowsTotal: upload.estimatedRows, options: { upload } },
    });
    return { id: created.id };
  } catch (error) {
    await db.import.delete({ where: { id: created.id } }).catch(() => undefined);
    throw error;
  }
}

function describeUpload(head: Buffer, facts: { contentSha256: string; lines: number }): UploadInfo {
  let text: string;
  try {
    // `stream` tolerates a character cut at the chunk's end; anything else invalid is not UTF-8.
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    throw new UserFacingError("BAD_REQUEST", "The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.", "file");
  }
  const format = detectCsvFormat(text);
  const { header, rows } = readPreview(text, format);
  if (header.length === 0 || header.every((cell) => cell === "")) {
    throw new UserFacingError("BAD_REQUEST", "The first line of the file must name its columns.", "file");
  }
  return { format, header, previewRows: rows, contentSha256: facts.contentSha256, estimatedRows: Math.max(0, facts.lines - 1) };
}

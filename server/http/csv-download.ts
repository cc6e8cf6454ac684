import { Readable } from "node:stream";
import { UserFacingError } from "../errors";

/**
 * A CSV file streamed as it is read (an import's errors, a segment's members), never held in
 * memory whole. `open` finds the record and its lines; a UserFacingError from it answers 404.
 */
export async function csvDownload(open: () => Promise<{ fileName: string; lines: AsyncIterable<string> }>): Promise<Response> {
  try {
    const { fileName, lines } = await open();
    return new Response(Readable.toWeb(Readable.from(lines)) as ReadableStream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}

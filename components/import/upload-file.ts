export type UploadResult = { ok: true; id: string } | { ok: false; message: string };

/**
 * Sends a file as the raw request body to POST /api/imports. XMLHttpRequest rather than fetch,
 * because only it reports upload progress.
 */
export function uploadImportFile(
  file: File,
  kind: "contacts" | "events",
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    const params = new URLSearchParams({ kind, name: file.name });
    request.open("POST", `/api/imports?${params.toString()}`);
    request.setRequestHeader("content-type", "text/csv");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: { id?: string; error?: string } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        // Not JSON (a proxy's error page): fall through to the generic message.
      }
      if (request.status === 201 && body.id) resolve({ ok: true, id: body.id });
      else resolve({ ok: false, message: body.error ?? `The upload failed (HTTP ${request.status}). Please try again.` });
    };
    request.onerror = () => resolve({ ok: false, message: "The upload was interrupted. Check your connection and try again." });
    request.send(file);
  });
}

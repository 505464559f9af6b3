// One way to answer with a file: the same headers for every document a user downloads (CRP
// versions, the non-paper, the meeting's exports, the archive).

export const CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
} as const;

export type FileKind = keyof typeof CONTENT_TYPES;

/**
 * The file as a response. `inline` opens it in the browser (an HTML document to read or print);
 * otherwise it downloads as `fileName`.
 */
export function fileResponse(body: Uint8Array, kind: FileKind, fileName: string, options: { inline?: boolean; headers?: HeadersInit } = {}): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[kind],
      "Content-Length": String(body.byteLength),
      // The file names are ASCII by construction; filename* is there for clients that prefer it.
      "Content-Disposition": `${options.inline ? "inline" : "attachment"}; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      // What a user may read depends on who they are: no shared cache may keep it.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...options.headers,
    },
  });
}

/** "Could not make this PDF here", in the reader's language: plain text with 503, never cached. */
export function pdfUnavailable(message: string): Response {
  return new Response(message, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

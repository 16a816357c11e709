/**
 * Saving a file from an extension page (the desk, the office console): an
 * object URL clicked through a temporary link, revoked after the browser
 * took it (revoking before the click is handled cancels the download in
 * some browsers).
 */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves `bytes` (e.g. an evidence package zip) as `fileName` of MIME `type`. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type: string, doc: Document = document): void {
  // A copy on a plain ArrayBuffer: Blob parts may not be views of shared memory.
  downloadBlob(new Blob([Uint8Array.from(bytes)], { type }), fileName, doc);
}

/** Saves `text` (UTF-8) as `fileName` of MIME `type` (a sync file: JSON by default). */
export function downloadText(fileName: string, text: string, type = 'application/json', doc: Document = document): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName, doc);
}

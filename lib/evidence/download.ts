/**
 * Saving bytes as a file from an extension page (the desk, the office
 * console): an object URL clicked through a temporary link, revoked after
 * the browser took it.
 */
export function downloadBytes(bytes: Uint8Array, fileName: string, type: string, doc: Document = document): void {
  // A copy on a plain ArrayBuffer: Blob parts may not be views of shared memory.
  const url = URL.createObjectURL(new Blob([Uint8Array.from(bytes)], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

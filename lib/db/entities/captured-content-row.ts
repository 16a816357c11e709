/**
 * The heavy evidence of a capture, kept apart from the small rows so lists
 * never load HTML or screenshots. Several captures of one case (re-captures
 * after an edit) are all kept: evidence is never overwritten.
 */
export interface CapturedContentRow {
  /** `${caseId}:${digest}`: the same content captured twice is stored once. */
  id: string;
  caseId: string;
  /** Sanitized HTML of the post (never the raw page HTML). */
  html: string;
  text: string;
  /** SHA-256 hex of the captured content (the `captured` event carries the same digest). */
  digest: string;
  screenshot?: Blob;
  url: string;
  capturedAt: number;
  /** What this evidence lacks, in Chinese for the officer (e.g. why there is no screenshot). Not indexed. */
  notes?: string[];
}

import type { CaptureRecord } from '../../evidence/record';

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
  /** The extraction record (提取笔录) with every digest; absent on evidence stored before records. */
  record?: CaptureRecord;
  /** SHA-256 hex of the record's canonical JSON: the capture digest a trusted timestamp covers. */
  recordDigest?: string;
  /** The raw DOM snapshot (UTF-8 bytes of the serialized page), original evidence; never rendered. */
  snapshot?: Blob;
  /**
   * The RFC 3161 timestamp over the record (lib/evidence/tsa.ts): the TSA's
   * DER response, its time (epoch ms) and the TSA's URL. Added once the TSA
   * answered and the answer verified; the evidence itself never changes.
   */
  timestamp?: { response: Uint8Array; genTime: number; tsaUrl: string };
  /** What this evidence lacks, in Chinese for the officer (e.g. why there is no screenshot). Not indexed. */
  notes?: string[];
}

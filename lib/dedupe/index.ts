/**
 * Possible duplicates (可能相同的舆情): MinHash signatures over character
 * bigrams, so the same event told on Tieba, Weibo and a forum in different
 * words is found without comparing whole texts.
 *
 * Why bigrams of characters: Chinese has no spaces to split words on, and
 * two-character windows capture most words (烂尾, 住建, 白沙) while staying
 * robust to the punctuation, emoji and spacing that differ between sites.
 * A signature of {@link SIGNATURE_SIZE} minimum hashes estimates the Jaccard
 * similarity J of two texts' bigram sets (standard error √(J(1−J)/64) ≤
 * 0.0625); with the two set sizes it gives the containment of the shorter
 * text in the longer, J·(|A|+|B|)/((1+J)·min(|A|,|B|)), which is what tells
 * a Weibo one-liner retelling a long news article apart from another story
 * (Jaccard alone punishes the difference in length). The threshold
 * ({@link DUPLICATE_THRESHOLD}) was measured on tests/fixtures/dedupe/pairs.json
 * (see tests/unit/dedupe).
 *
 * Nothing here merges: the desk only offers the merge, the officer decides.
 */

/** Number of hash functions (minimum hashes) in a signature. */
export const SIGNATURE_SIZE = 64;

/**
 * Estimated containment at and above which two cases are offered as
 * possibly the same 舆情. Measured on the fixture pairs (exact containment):
 * every same-story pair ≥ 0.36, every different-story pair ≤ 0.11; the
 * MinHash estimates spread to ≥ 0.30 and ≤ 0.14. The threshold sits between,
 * nearer the negatives, so a paraphrase is not missed (a false offer costs a
 * glance; the officer decides).
 */
export const DUPLICATE_THRESHOLD = 0.22;

/** Letters and digits only, lower-cased: punctuation, emoji, spaces and #话题# marks differ between sites. */
export function normalizeForDedupe(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** 32-bit FNV-1a of two UTF-16 code units. */
function bigramHash(a: number, b: number): number {
  let h = 0x811c9dc5;
  h = Math.imul(h ^ (a & 0xff), 0x01000193);
  h = Math.imul(h ^ (a >>> 8), 0x01000193);
  h = Math.imul(h ^ (b & 0xff), 0x01000193);
  h = Math.imul(h ^ (b >>> 8), 0x01000193);
  return h >>> 0;
}

/** The distinct bigram hashes of a text (after normalizing). */
export function bigramSet(text: string): Set<number> {
  const clean = normalizeForDedupe(text);
  const set = new Set<number>();
  for (let i = 0; i + 1 < clean.length; i++) set.add(bigramHash(clean.charCodeAt(i), clean.charCodeAt(i + 1)));
  if (clean.length === 1) set.add(bigramHash(clean.charCodeAt(0), 0));
  return set;
}

/** Fixed odd multipliers and offsets of the hash family (xorshift-generated once, so every machine agrees). */
const MULTIPLIERS = new Uint32Array(SIGNATURE_SIZE);
const OFFSETS = new Uint32Array(SIGNATURE_SIZE);
{
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    MULTIPLIERS[i] = next() | 1;
    OFFSETS[i] = next();
  }
}

/** A text's MinHash signature and the size of its bigram set. */
export interface TextSignature {
  /** {@link SIGNATURE_SIZE} unsigned 32-bit minimum hashes; all 0xffffffff for an empty text. */
  hashes: Uint32Array;
  /** Number of distinct bigrams. */
  size: number;
}

/** A text's signature. */
export function signatureOf(text: string): TextSignature {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const bigrams = bigramSet(text);
  for (const h of bigrams) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = (Math.imul(h, MULTIPLIERS[i]!) + OFFSETS[i]!) >>> 0;
      if (v < signature[i]!) signature[i] = v;
    }
  }
  return { hashes: signature, size: bigrams.size };
}

/** Containment of the smaller set in the larger from their Jaccard similarity and sizes, 0–1. */
function containmentOf(j: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0 || j === 0) return 0;
  return Math.min(1, (j * (sizeA + sizeB)) / ((1 + j) * smaller));
}

/** Estimated containment of the shorter text in the longer, from two signatures, 0–1. */
export function estimatedSimilarity(a: TextSignature, b: TextSignature): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a.hashes[i] === b.hashes[i] && a.hashes[i] !== 0xffffffff) equal++;
  return containmentOf(equal / SIGNATURE_SIZE, a.size, b.size);
}

/** Exact containment of the smaller bigram set in the larger (the brute-force reference), 0–1. */
export function containment(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  return containmentOf(jaccard(a, b), a.size, b.size);
}

/** Exact Jaccard similarity of two bigram sets (the brute-force reference). */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** A case found similar to the one asked about. */
export interface PossibleDuplicate {
  caseId: string;
  /** Estimated containment of the shorter text in the longer, 0–1. */
  similarity: number;
}

/**
 * The signatures of the open cases, in one flat typed array so a query is a
 * tight scan (10,000 cases × 64 values) with no allocation per case.
 */
export class DuplicateIndex {
  private ids: string[] = [];
  private signatures = new Uint32Array(SIGNATURE_SIZE * 256);
  private sizes = new Uint32Array(256);

  /** Number of cases indexed. */
  get size(): number {
    return this.ids.length;
  }

  /** Adds a case by the text of its evidence (title and excerpts). */
  add(caseId: string, text: string): void {
    this.addSignature(caseId, signatureOf(text));
  }

  /** Adds a case by an already computed signature. */
  addSignature(caseId: string, signature: TextSignature): void {
    const n = this.ids.length;
    if (n === this.sizes.length) {
      const signatures = new Uint32Array(this.signatures.length * 2);
      signatures.set(this.signatures);
      this.signatures = signatures;
      const sizes = new Uint32Array(this.sizes.length * 2);
      sizes.set(this.sizes);
      this.sizes = sizes;
    }
    this.signatures.set(signature.hashes, n * SIGNATURE_SIZE);
    this.sizes[n] = signature.size;
    this.ids.push(caseId);
  }

  /**
   * Cases at or above `threshold` similarity to `text`, most similar first
   * (ties by case id), leaving out the ids in `exclude` (the case itself,
   * cases already merged with it).
   */
  query(text: string, { threshold = DUPLICATE_THRESHOLD, exclude = new Set<string>() }: { threshold?: number; exclude?: ReadonlySet<string> } = {}): PossibleDuplicate[] {
    const probe = signatureOf(text);
    const hashes = probe.hashes;
    const found: PossibleDuplicate[] = [];
    const all = this.signatures;
    for (let c = 0; c < this.ids.length; c++) {
      const base = c * SIGNATURE_SIZE;
      let equal = 0;
      for (let i = 0; i < SIGNATURE_SIZE; i++) if (all[base + i] === hashes[i] && hashes[i] !== 0xffffffff) equal++;
      if (equal === 0) continue;
      const similarity = containmentOf(equal / SIGNATURE_SIZE, probe.size, this.sizes[c]!);
      if (similarity < threshold) continue;
      const caseId = this.ids[c]!;
      if (!exclude.has(caseId)) found.push({ caseId, similarity });
    }
    return found.sort((a, b) => b.similarity - a.similarity || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  }
}

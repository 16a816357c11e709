/**
 * A post too large to store whole is still captured: its text is kept, and
 * what is over the size limits is left out of the stored copy, with a note
 * in the officer's words saying what. Forums inline pasted photos as
 * `data:` URLs (a 6 MB photo is a 8 MB attribute), which alone would exceed
 * the 5,000,000-character HTML limit of the evidence store.
 */

/** Largest stored post HTML, in UTF-16 code units (the limit of CapturedPostSchema and the evidence store). */
export const MAX_POST_HTML = 5_000_000;
/** Largest stored post text, in UTF-16 code units. */
export const MAX_POST_TEXT = 2_000_000;

/** The post as it will be stored, and what was left out of it. */
export interface FittedPost {
  html: string;
  text: string;
  /** One Chinese sentence per kind of omission; empty when the post fit whole. */
  notes: string[];
}

/** `src="data:…"`-style attribute values as DOMPurify serializes them (double quotes). */
const DATA_URL_ATTRIBUTE = /(\s(?:src|href|poster|srcset)=")(data:[^"]*)(")/gi;

/** "6.1 MB" / "320 KB": sizes the officer reads (characters ≈ bytes for base64 and ASCII markup). */
export function formatSize(units: number): string {
  return units >= 1_000_000 ? `${(units / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(units / 1_000))} KB`;
}

/** Cuts `value` to at most `max` code units without splitting a surrogate pair. */
function cutAt(value: string, max: number): string {
  const end = max > 0 && /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}

/**
 * Fits a sanitized post into the store's limits. First the largest inline
 * `data:` URLs are emptied (largest first, only as many as needed); if the
 * HTML is still too long it is cut before the last tag that fits. Text over
 * its limit is cut. Pure; lengths in UTF-16 code units.
 */
export function fitPost(post: { html: string; text: string }, limits = { html: MAX_POST_HTML, text: MAX_POST_TEXT }): FittedPost {
  const notes: string[] = [];
  let html = post.html;
  if (html.length > limits.html) {
    const original = html.length;
    const inline = [...html.matchAll(DATA_URL_ATTRIBUTE)].map((m) => m[2]?.length ?? 0).sort((a, b) => b - a);
    // Empty the largest inline images until the rest fits: their length threshold is the smallest one dropped.
    let excess = html.length - limits.html;
    let threshold = Infinity;
    let dropped = 0;
    let droppedSize = 0;
    for (const length of inline) {
      if (excess <= 0) break;
      threshold = length;
      excess -= length;
      dropped += 1;
      droppedSize += length;
    }
    if (dropped > 0) {
      let left = dropped;
      html = html.replace(DATA_URL_ATTRIBUTE, (whole, before: string, url: string, after: string) => {
        if (left === 0 || url.length < threshold) return whole;
        left -= 1;
        return `${before}${after}`;
      });
      notes.push(`帖子过大（${formatSize(original)}，上限 ${formatSize(limits.html)}）：${dropped} 张内嵌图片（共 ${formatSize(droppedSize)}）未保存，正文文字照常保存。`);
    }
    if (html.length > limits.html) {
      const cut = cutAt(html, limits.html);
      const lastTag = cut.lastIndexOf('<');
      const kept = lastTag > 0 ? cut.slice(0, lastTag) : cut;
      notes.push(`帖子 HTML 超过上限（${formatSize(limits.html)}）：末尾 ${formatSize(html.length - kept.length)} 的版式未保存，正文文字见“正文”。`);
      html = kept;
    }
  }
  let text = post.text;
  if (text.length > limits.text) {
    notes.push(`帖子正文过长（${text.length.toLocaleString('en-US')} 字符，上限 ${limits.text.toLocaleString('en-US')}）：之后的文字未保存。`);
    text = cutAt(text, limits.text);
  }
  return { html, text, notes };
}

/**
 * Sanitizing captured HTML. A forum post is attacker-controlled markup: it is
 * stored as evidence and later rendered in the side panel, so every script,
 * handler, frame, form and non-web link is removed before it is kept.
 *
 * URLs are an allow-list, checked on every attribute that holds one
 * (`URL_ATTRIBUTES`), whatever the tag:
 * - `http:` and `https:` URLs, and relative ones (no scheme: they resolve
 *   against the page's web address);
 * - inline images, on `<img src>` only, of exactly the raster types
 *   `data:image/png`, `gif`, `jpeg` and `webp` — never `data:image/svg+xml`
 *   (an SVG can carry script), never other `data:` types, never `data:` on
 *   media (`<video>`, `<audio>`, `<source>`) or links.
 * Everything else (`javascript:`, `vbscript:`, `file:`, `blob:`, `data:` of
 * any other kind…) loses the attribute. DOMPurify alone lets `data:` through
 * on its media tags whatever the URI pattern says, hence the hook.
 */
import DOMPurify from 'dompurify';

/** Tags that can run code, load other documents or submit data. */
const FORBIDDEN_TAGS = ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'link', 'meta', 'base', 'svg', 'math', 'template', 'noscript'];

/** Attributes whose value is a URL the browser may load or follow. */
export const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite', 'longdesc', 'xlink:href', 'action', 'formaction', 'background', 'data', 'codebase', 'manifest', 'usemap', 'lowsrc', 'dynsrc'];

const WEB_URL = /^https?:/i;
const INLINE_IMAGE = /^data:image\/(?:png|gif|jpeg|webp)[;,]/i;
/** A scheme: letters, digits, + - . before the first ":" that comes before any / ? #. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Whether `value` may stay on `attribute` of a `tag` element (see the allow-list above). */
export function isAllowedUrl(tag: string, attribute: string, value: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  let url = '';
  for (const ch of value) {
    const unit = ch.charCodeAt(0);
    if (unit > 0x20 && (unit < 0x7f || unit > 0xa0)) url += ch;
  }
  if (WEB_URL.test(url)) return true;
  if (INLINE_IMAGE.test(url)) return tag.toLowerCase() === 'img' && attribute.toLowerCase() === 'src';
  return !HAS_SCHEME.test(url);
}

/**
 * Returns `html` with everything executable removed.
 * `win` is the window whose DOM parses the markup (the page's in a content
 * script, jsdom's in tests); parsing happens in an inert document, so nothing
 * in `html` runs while it is sanitized.
 */
export function sanitizeHtml(html: string, win: Window & typeof globalThis): string {
  const purify = DOMPurify(win);
  purify.addHook('afterSanitizeAttributes', (node) => {
    for (const name of URL_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value !== null && !isAllowedUrl(node.nodeName, name, value)) node.removeAttribute(name);
    }
  });
  return purify.sanitize(html, {
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'background', 'ping'],
    ALLOW_DATA_ATTR: false,
    // A first, coarse filter (web, inline raster images, scheme-less); the hook above is the allow-list.
    ALLOWED_URI_REGEXP: /^(?:https?:|data:image\/(?:png|gif|jpeg|webp)[;,]|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i,
    RETURN_TRUSTED_TYPE: false,
  });
}

/**
 * Sanitizing captured HTML. A forum post is attacker-controlled markup: it is
 * stored as evidence and later rendered in the side panel, so every script,
 * handler, frame, form and non-http(s) link is removed before it is kept.
 */
import DOMPurify from 'dompurify';

/** Tags that can run code, load other documents or submit data. */
const FORBIDDEN_TAGS = ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'link', 'meta', 'base', 'svg', 'math', 'template', 'noscript'];

/** Only web links and inline images survive; `javascript:`, `vbscript:`, `file:` and the rest do not. */
const SAFE_URI = /^(?:https?:|data:image\/(?:png|gif|jpeg|webp);)/i;

/**
 * Returns `html` with everything executable removed.
 * `win` is the window whose DOM parses the markup (the page's in a content
 * script, jsdom's in tests); parsing happens in an inert document, so nothing
 * in `html` runs while it is sanitized.
 */
export function sanitizeHtml(html: string, win: Window & typeof globalThis): string {
  const purify = DOMPurify(win);
  return purify.sanitize(html, {
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'background', 'ping'],
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: SAFE_URI,
    RETURN_TRUSTED_TYPE: false,
  });
}

/**
 * Small HTML helpers shared by the demo-site page renderers.
 *
 * Pages are built as strings (no template engine) so the served bytes are
 * exactly what the tests see, and nothing is fetched from outside the machine.
 */

/** Escapes text for use inside HTML text or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Options for {@link htmlDocument}. */
export interface HtmlDocumentOptions {
  title: string;
  /** Inline CSS (no external stylesheets: the demo must work offline). */
  css?: string;
  /** Extra `<head>` markup (meta tags, early inline scripts). */
  head?: string;
  /** Attributes for `<body>`, already escaped, e.g. `id="nv_forum" class="pg_viewthread"`. */
  bodyAttrs?: string;
  body: string;
}

/** Wraps a body in a complete UTF-8 HTML5 document. */
export function htmlDocument(options: HtmlDocumentOptions): string {
  const bodyAttrs = options.bodyAttrs ? ` ${options.bodyAttrs}` : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
${options.head ?? ''}
${options.css ? `<style>${options.css}</style>` : ''}
</head>
<body${bodyAttrs}>
${options.body}
</body>
</html>
`;
}

/** Palette for letter avatars: real sites load avatar images, the demo draws them inline. */
const AVATAR_COLOURS = ['#5b8bd6', '#e07b53', '#4caf84', '#a46fd1', '#d9a23a', '#52a7b8', '#c75c7a', '#7a8c99'];

/**
 * An inline "avatar": a coloured square with the first character of the name,
 * standing in for the image a real site would load from its CDN.
 */
export function letterAvatar(name: string, size: number, className = 'demo-avatar'): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  const colour = AVATAR_COLOURS[hash % AVATAR_COLOURS.length] ?? '#5b8bd6';
  const initial = Array.from(name)[0] ?? '?';
  return `<span class="${className}" style="display:inline-block;width:${size}px;height:${size}px;line-height:${size}px;background:${colour};color:#fff;text-align:center;font-size:${Math.round(size * 0.45)}px;border-radius:3px;font-weight:bold">${escapeHtml(initial)}</span>`;
}

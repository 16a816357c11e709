/** The demo site's 404 page. */
import { escapeHtml, htmlDocument } from '../html.ts';

/** Renders the 404 page for `path`. */
export function renderNotFoundPage(path: string): string {
  return htmlDocument({
    title: '404 页面不存在 - 澜江市 演示站点',
    css: 'body{font:16px/1.8 "Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#555;text-align:center;padding-top:120px;background:#fafafa}h1{font-size:64px;color:#c81623;margin:0}code{background:#eee;padding:2px 6px}',
    body: `<h1>404</h1><p>页面不存在：<code>${escapeHtml(path)}</code></p><p><a href="/">返回澜江市 演示站点首页</a></p>`,
  });
}

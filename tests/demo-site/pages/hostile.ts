/**
 * A hostile page in the Discuz layout. Its flagged posts carry markup that
 * must never run again when the extension flags or captures them, and its own
 * scripts clobber globals and prototypes in the page's main world.
 *
 * Markers (read them with `page.evaluate`, which runs in the main world):
 * - `window.__pwned` is set to 0 first and only changes if something re-parses
 *   or executes post content (escaped payloads, `<template>`/`<noscript>`
 *   contents, `javascript:` links, attribute break-outs). It must stay 0.
 * - `window.__pageOwnOnerror` counts runs of the one real `<img onerror>` in a
 *   post: 1 after load. More means a copy of the post was made in the live
 *   document (e.g. `cloneNode` of the post into the page) and loaded again.
 * - `window.__pageOwnScript` counts runs of the one real inline `<script>` in a
 *   post body: 1 after load.
 * - `window.__attachShadowCalls` / `window.__appendChildCalls` count calls
 *   through the page's wrapped prototypes. The content script lives in an
 *   isolated world, so its own calls never reach these wrappers.
 * - `window.__fakeMessagesSent` counts the forged extension-looking
 *   `postMessage`s the page sends (a content script must ignore them).
 */
import type { DiscuzFloor } from './discuz.ts';
import { renderDiscuzThreadPage } from './discuz.ts';

const PID = 91000;

/** Early page script: markers first, then the clobbering. */
const HOSTILE_HEAD = `<script>
window.__pwned = 0;
window.__pageOwnOnerror = 0;
window.__pageOwnScript = 0;
window.__attachShadowCalls = 0;
window.__appendChildCalls = 0;
window.__fakeMessagesSent = 0;
window.__stolenShadowRoots = [];
(function () {
  // Pages do this to break extensions that assume a sane main world.
  try { window.chrome = undefined; } catch (e) {}
  try { Object.defineProperty(window, 'browser', { value: undefined, configurable: false }); } catch (e) {}
  var decoy = document.createElement('body');
  try {
    Object.defineProperty(Document.prototype, 'body', { configurable: true, get: function () { return decoy; } });
  } catch (e) {}
  var realAttachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    window.__attachShadowCalls++;
    var root = realAttachShadow.call(this, { mode: 'open', delegatesFocus: init && init.delegatesFocus });
    window.__stolenShadowRoots.push(root);
    return root;
  };
  var realAppendChild = Node.prototype.appendChild;
  Node.prototype.appendChild = function (child) {
    window.__appendChildCalls++;
    return realAppendChild.call(this, child);
  };
  var realQsa = Document.prototype.querySelectorAll;
  Document.prototype.querySelectorAll = function (selector) {
    // Hide posts from naive main-world scanners.
    if (String(selector).indexOf('post') !== -1) return realQsa.call(this, '#no-such-element');
    return realQsa.call(this, selector);
  };
  window.MutationObserver = function () { throw new Error('MutationObserver blocked by page'); };
  JSON.stringify = function () { return '"tampered"'; };
})();
</script>`;

/** Late page script: forged messages and a ticking clock that mutates the DOM forever. */
const HOSTILE_AFTER = `<div id="hostile-clock" style="text-align:right;color:#999;margin-top:6px">页面时间：<span>--</span></div>
<script>
(function () {
  var span = document.getElementById('hostile-clock').getElementsByTagName('span')[0];
  var ticks = 0;
  setInterval(function () { ticks++; span.textContent = String(ticks); }, 500);
  // Forged messages shaped like an extension's, to check the content script does not trust window messages.
  var forged = [
    { source: 'yuqing-assistant', type: 'capturePost', data: { url: 'https://evil.example/', text: '伪造的采集请求' } },
    { type: 'saveCase', payload: { id: 'forged', tier: 'red' } },
    { __wxt: true, messageType: 'claimCase', data: { caseId: 'forged' } },
  ];
  forged.forEach(function (message) { window.postMessage(message, '*'); window.__fakeMessagesSent++; });
})();
</script>`;

/** Floors of the hostile thread. */
export const HOSTILE_FLOORS: readonly DiscuzFloor[] = [
  { pid: PID + 1, uid: 66601, author: '澜江热心网友', time: '2026-11-20 09:00:00', mentionsCity: true,
    body: `澜江市住建局对白沙镇烂尾楼的处理太慢了，附上现场照片：<br><img src="x-missing.png" alt="现场照片" onerror="window.__pageOwnOnerror=(window.__pageOwnOnerror||0)+1;this.style.display='none'">` },
  { pid: PID + 2, uid: 66602, author: '<img src=x onerror=window.__pwned=1>', time: '2026-11-20 09:05:00', mentionsCity: true,
    body: `澜江市公安局请注意，有人在论坛发这种代码：&lt;img src=x onerror="window.__pwned=1"&gt; 还有 &lt;script&gt;window.__pwned=1&lt;/script&gt;，看到别点。` },
  { pid: PID + 3, uid: 66603, author: '环保志愿者', time: '2026-11-20 09:10:00', mentionsCity: true,
    body: `河口镇污水异味问题，澜江市生态环境局至今没有答复。<script>window.__pageOwnScript=(window.__pageOwnScript||0)+1;</script>大家继续关注。` },
  { pid: PID + 4, uid: 66604, author: '内部消息', time: '2026-11-20 09:15:00', mentionsCity: true,
    body: `<a href="javascript:window.__pwned=1">点击查看澜江市人民政府内部文件</a> · <a href="javascript:void(window.__pwned=1)" onclick="window.__pwned=1;return false">下载附件</a> · <a href="JaVaScRiPt&colon;window.__pwned=1">备用链接</a>` },
  { pid: PID + 5, uid: 66605, author: '讨薪工人', time: '2026-11-20 09:20:00', mentionsCity: true,
    body: `云溪县工地欠薪的事，澜江市人社局快管管！<template><img src=x onerror="window.__pwned=1"></template><noscript><img src=x onerror="window.__pwned=1"></noscript>` },
  { pid: PID + 6, uid: 66606, author: '矢量图爱好者', time: '2026-11-20 09:25:00', mentionsCity: true,
    body: `<svg width="220" height="30"><a href="javascript:window.__pwned=1"><text x="0" y="20" fill="#336699">联系澜江市信访局</text></a></svg><div data-payload="&quot;&gt;&lt;img src=x onerror=window.__pwned=1&gt;" title="'&gt;&lt;svg onload=window.__pwned=1&gt;">属性里藏了东西，澜江市城管局请查收。</div><math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1"></style></mglyph></table></mtext></math>` },
  { pid: PID + 7, uid: 66607, author: '普通网友', time: '2026-11-20 09:30:00', mentionsCity: false,
    body: '今天天气不错，出去走走。' },
  { pid: PID + 8, uid: 66608, author: '长文作者', time: '2026-11-20 09:35:00', mentionsCity: true,
    body: `${'这是一段很长很长的灌水文字，用来测试超长帖子的处理。'.repeat(180)}<br>最后一句才说到正题：澜江市卫健委的医院挂号问题。` },
  { pid: PID + 9, uid: 66609, author: '\u202e反向文字\u202c', time: '2026-11-20 09:40:00', mentionsCity: true,
    body: `零宽字符：澜\u200b江\u200d市 噪音问题；方向控制符：\u202e局安公市江澜\u202c。` },
  { pid: PID + 10, uid: 66610, author: '啤酒品鉴', time: '2026-11-20 09:45:00', mentionsCity: false,
    body: '澜江啤酒新口味不错，推荐。' },
  { pid: PID + 11, uid: 66611, author: '样式捣蛋鬼', time: '2026-11-20 09:50:00', mentionsCity: true,
    body: `<style>[class*="yuqing"],[id*="yuqing"],[data-wxt-shadow-root],wxt-shadow-root,*[style*="z-index: 2147483647"]{display:none!important;visibility:hidden!important}</style>页面样式想藏起插件的按钮。石门县青石乡拆迁补偿不公，请澜江市政府关注。` },
];

/** Renders `/hostile/post.html`. */
export function renderHostilePage(): string {
  return renderDiscuzThreadPage(
    {
      tid: 6666,
      fid: 36,
      siteName: '澜江论坛',
      boardName: '安全测试',
      subject: '澜江市民生问题汇总 <script>window.__pwned=1</script>',
      views: 666,
      replies: HOSTILE_FLOORS.length - 1,
      floors: HOSTILE_FLOORS,
    },
    { head: HOSTILE_HEAD, afterPosts: HOSTILE_AFTER },
  );
}

/**
 * The evidence package of one case: a zip anyone can check without the
 * extension, with `sha256sum` and `openssl` alone.
 *
 *   README.txt                      how to verify (Chinese, then English)
 *   SHA256SUMS                      `sha256sum -c` list of every other file
 *   case/events.json                the case's claim-log events as stored
 *   case/events/NNN-<id>.json       each event without its `hash`: its SHA-256 is that hash
 *   case/verification.json          the extension's own check at export time
 *   evidence/NN-<digest>/record.json        extraction record (提取笔录), canonical JSON;
 *                                           its SHA-256 is the capture digest
 *   evidence/NN-<digest>/record.txt         the same record, printable
 *   evidence/NN-<digest>/record.tsr         RFC 3161 timestamp response over record.json, if stamped
 *   evidence/NN-<digest>/content.json       the content the content digest covers
 *   evidence/NN-<digest>/derived/post.txt   extracted text
 *   evidence/NN-<digest>/derived/post.html  sanitized HTML
 *   evidence/NN-<digest>/original/dom-snapshot.html.txt   raw DOM snapshot (not to be opened in a browser)
 *   evidence/NN-<digest>/original/screenshot.png
 *   tsa/tsa-root.pem                the timestamp authority's root configured by the office, if any
 *
 * Zip: fflate (a well-kept, dependency-free zip library).
 */
import { strToU8, zipSync } from 'fflate';
import { canonicalJson, sha256HexOfBytes } from './hash';
import { contentFileText, contentOfRecord, recordFileText, type CaptureRecord } from './record';
import type { EvidenceItem, VerificationReport } from './verify';

/** One evidence item to package (a stored row, blobs as bytes) and its timestamp response, if any. */
export type PackagedEvidence = EvidenceItem & { timestampResponse?: Uint8Array };

/** What goes into a case's package. */
export interface EvidencePackageInput {
  caseId: string;
  title: string;
  /** The case's events as stored (chain fields included), replay order. */
  events: readonly object[];
  evidence: readonly PackagedEvidence[];
  verification: VerificationReport;
  /** The TSA root certificate the office configured (PEM), so `openssl ts -verify` has a CA file. */
  tsaRootPem?: string;
  exportedAt: number;
  exportedBy: { officer: string; department: string };
  /** "yyyy-MM-dd HH:mm:ss (UTC+8)" of `exportedAt` (the caller formats, so this stays free of date code). */
  exportedAtChina: string;
}

/** The package's files (path → bytes) and the zip of them. */
export interface EvidencePackage {
  files: Record<string, Uint8Array>;
  zip: Uint8Array;
  /** A file name for the download, e.g. `证据包-c-1a2b3c-20261130.zip`. */
  fileName: string;
}

/** Builds the package (pure; the zip's entry times are `exportedAt`). */
export function buildEvidencePackage(input: EvidencePackageInput): EvidencePackage {
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, data: string | Uint8Array) => {
    files[path] = typeof data === 'string' ? strToU8(data) : data;
  };

  put('case/events.json', `${JSON.stringify(input.events, null, 2)}\n`);
  input.events.forEach((event, i) => {
    const { hash: _hash, ...unsealed } = event as Record<string, unknown>;
    put(`case/events/${String(i + 1).padStart(3, '0')}-${safeName(String(unsealed.id))}.json`, canonicalJson(unsealed));
  });
  put('case/verification.json', `${JSON.stringify(input.verification, null, 2)}\n`);

  const folders: string[] = [];
  input.evidence.forEach((item, i) => {
    const folder = `evidence/${String(i + 1).padStart(2, '0')}-${String(item.digest).slice(0, 12)}`;
    folders.push(folder);
    const record = item.record as CaptureRecord | undefined;
    const text = String(item.text);
    const html = String(item.html);
    if (record) {
      put(`${folder}/record.json`, recordFileText(record));
      put(`${folder}/record.txt`, recordText(record, String(item.recordDigest)));
      put(`${folder}/content.json`, contentFileText(contentOfRecord(record, { text, html })));
    }
    put(`${folder}/derived/post.txt`, text);
    put(`${folder}/derived/post.html`, html);
    if (item.snapshot) put(`${folder}/original/dom-snapshot.html.txt`, item.snapshot);
    if (item.screenshot) put(`${folder}/original/screenshot.png`, item.screenshot);
    if (item.timestampResponse) put(`${folder}/record.tsr`, item.timestampResponse);
  });
  if (input.tsaRootPem) put('tsa/tsa-root.pem', input.tsaRootPem);

  put('README.txt', readme(input, folders));
  const sums = Object.keys(files)
    .sort()
    .map((path) => `${sha256HexOfBytes(files[path]!)}  ${path}`)
    .join('\n');
  put('SHA256SUMS', `${sums}\n`);

  const mtime = new Date(input.exportedAt);
  const zip = zipSync(
    Object.fromEntries(Object.entries(files).map(([path, data]) => [path, [data, { mtime }]])),
    { level: 6 },
  );
  const day = input.exportedAtChina.slice(0, 10).replaceAll('-', '');
  return { files, zip, fileName: `证据包-${safeName(input.caseId)}-${day}.zip` };
}

function safeName(text: string): string {
  return text.replace(/[^0-9A-Za-z._-]/g, '_').slice(0, 60);
}

/** The printable extraction record (Chinese labels with English). */
export function recordText(record: CaptureRecord, recordDigest: string): string {
  const { original, derived } = record.digests;
  const access = { post: '逐帖采集（页面上的采集按钮）/ one post', selection: '选中文字采集 / selection', page: '整页采集 / whole page' }[record.access.mode];
  const post = record.post;
  const lines = [
    '网络在线提取笔录 / On-line extraction record',
    '',
    `案件编号 Case: ${record.caseId}`,
    `提取网址 URL (as reached): ${record.url}`,
    `规范网址 Canonical URL: ${record.canonicalUrl}`,
    `访问方式 Access: ${access}${record.access.referrer ? `；来源页面 referrer: ${record.access.referrer}` : ''}`,
    `网页标题 Page title: ${record.title}`,
    `提取时间 Time: ${record.capturedAtChina}（${new Date(record.capturedAt).toISOString()}）`,
    `提取工具 Tool: ${record.tool.name} ${record.tool.version}`,
    `浏览器 Browser: ${record.environment.browser}`,
    `操作系统 OS: ${record.environment.os}`,
    `提取人 Officer: ${record.officer}    单位 Department: ${record.department}`,
    `站点 Site: ${post.siteName ?? post.site}；帖子 Post: ${post.postId}${post.floor !== undefined ? `；${post.floor} 楼` : ''}${post.author ? `；作者 author: ${post.author}` : ''}`,
    ...(post.publishedAt ? [`发布时间（页面所示）Published (as shown): ${post.publishedAt}`] : []),
    ...(post.views !== undefined || post.replies !== undefined
      ? [`提取时计数 Counters at capture: 查看 views ${post.views ?? '—'}，回复 replies ${post.replies ?? '—'}`]
      : []),
    '',
    '完整性校验值 Integrity values (SHA-256)',
    '  原始 Original:',
    `    DOM 快照 snapshot (original/dom-snapshot.html.txt): ${original.snapshot ?? '（未保存 none）'}`,
    `    截图 screenshot (original/screenshot.png): ${original.screenshot ?? '（未保存 none）'}`,
    '  派生 Derived:',
    `    内容 content (content.json): ${derived.content}`,
    `    正文 text (derived/post.txt): ${derived.text}`,
    `    HTML (derived/post.html): ${derived.html}`,
    `  笔录摘要 Capture digest (record.json): ${recordDigest}`,
    ...(record.notes?.length ? ['', '说明 Notes (what this evidence lacks):', ...record.notes.map((note) => `  ${note}`)] : []),
    '',
  ];
  return lines.join('\n');
}

function readme(input: EvidencePackageInput, folders: string[]): string {
  const stamped = input.evidence.some((e) => e.timestampResponse);
  const first = folders[0] ?? 'evidence/01-…';
  const check = input.verification.ok
    ? '导出时扩展自检通过 / The extension\'s own check passed at export.'
    : `导出时扩展自检发现问题，详见 case/verification.json / The extension's own check found problems at export, see case/verification.json (first: ${input.verification.first?.kind} ${input.verification.first?.id}).`;
  return `证据材料包 / Evidence package
==============================

案件 Case: ${input.caseId}
标题 Title: ${input.title}
导出 Exported: ${input.exportedAtChina}，${input.exportedBy.officer}（${input.exportedBy.department}）
${check}

重要说明：本材料包由“舆情助手”浏览器扩展导出，是工作人员在线提取网页内容的记录，
不是公证文书，不具有公证效力；如需公证或司法鉴定，请另行办理。
Important: this package was exported by the 舆情助手 browser extension. It records
an officer's on-line extraction of web content. It is NOT a notarial act and has no
notarial effect; notarization or forensic examination must be obtained separately.

校验不需要安装本扩展，只需 sha256sum（coreutils）和 openssl。
No extension is needed to check this package: only sha256sum (coreutils) and openssl.

一、文件完整性 / 1. Every file is intact
  cd <解压目录 unzipped folder>
  sha256sum -c SHA256SUMS
  每行应为“OK”。/ Every line must say OK.
  （SHA256SUMS 本身的摘要请与移交记录中登记的值核对。
   Compare the digest of SHA256SUMS itself with the value written in the hand-over record.）

二、摘要与提取笔录一致 / 2. The digests match the extraction record
  每个 evidence/ 子目录的 record.json（提取笔录）记载了各文件的 SHA-256：
  Each evidence/ folder's record.json (the extraction record) lists each file's SHA-256:
    sha256sum ${first}/content.json        → digests.derived.content（内容摘要 content digest）
    sha256sum ${first}/derived/post.txt    → digests.derived.text
    sha256sum ${first}/derived/post.html   → digests.derived.html
    sha256sum ${first}/original/*          → digests.original.snapshot / screenshot
    sha256sum ${first}/record.json         → 笔录摘要 capture digest (record.txt 末行 last line)
  内容摘要只覆盖帖子内容（规范网址、站点、帖子号、楼层、作者、标题、正文、净化后的 HTML），
  不含提取时间、浏览/回复数和页面时钟，所以同一帖子未改动时重复提取得到同一摘要；
  原始 DOM 快照与截图各有自己的摘要。
  The content digest covers only the post's content (canonical URL, site, post id, floor,
  author, title, text, sanitized HTML), not the capture time, view/reply counters or the
  page's clock, so an unchanged post captured again gives the same digest; the raw DOM
  snapshot and the screenshot have digests of their own.
  original/dom-snapshot.html.txt 是网页原样的 DOM，含网页自身的脚本：请用文本编辑器查看，不要在浏览器中打开。
  original/dom-snapshot.html.txt is the page's DOM as it was, with the page's own scripts:
  read it in a text editor, do not open it in a browser.

三、可信时间戳 / 3. Trusted timestamps (RFC 3161)
${
  stamped
    ? `  有 record.tsr 的目录，时间戳覆盖该目录的 record.json（即其中记载的全部摘要）：
  Where a folder has record.tsr, the timestamp covers that folder's record.json (and so every digest in it):
    openssl ts -reply -in ${first}/record.tsr -text
    openssl ts -verify -data ${first}/record.json -in ${first}/record.tsr -CAfile tsa/tsa-root.pem
  应输出“Verification: OK”。时间戳服务的根证书应向单位的时间戳服务提供方另行核实。
  It must print "Verification: OK". Check the TSA root certificate with the office's timestamp provider.`
    : '  本包中的提取没有可信时间戳（单位未配置时间戳服务，或尚未取得）。\n  No capture in this package carries a trusted timestamp (none configured, or not yet obtained).'
}

四、操作记录（哈希链）/ 4. The case's log (hash chain)
  case/events.json 是案件的全部操作记录。每条记录的 hash 等于 case/events/ 中对应文件的 SHA-256
  （该文件是去掉 hash 字段后的规范 JSON），prevHash 等于它之前一条记录的 hash（第一条为 64 个 0）。
  case/events.json holds every action on the case. Each event's "hash" equals the SHA-256 of its
  file in case/events/ (its canonical JSON without "hash"); its "prevHash" is the hash of the
  event it was added after (64 zeros for the first). Several officers may add after the same event.
    sha256sum case/events/*.json
`;
}

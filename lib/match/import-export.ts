/**
 * Watch-list import and export, as JSON or as one-term-per-line text.
 *
 * JSON: either an array of entries or `{ "format": "yq-watchlist",
 * "version": 1, "entries": [...] }` (what `exportWatchlist` writes).
 *
 * Text (one term per line, UTF-8):
 * ```
 * # comment
 * [region]                 ← section header: region | agency | topic | exclusion
 * 澜江市 | 澜江             ← term, then aliases separated by |
 * 白沙镇 < 江北区           ← region: "< parent"
 * [agency 澜江市]           ← agency section; optional region served
 * 澜江市公安局 | 澜江警方 | ~公安局 | ~警方   ← "~" marks a context-only alias
 * [topic 民生热点]          ← topic section; optional category
 * 欠薪
 * [exclusion]
 * 澜江啤酒
 * ```
 * Headers may also be written in Chinese: 地区, 机构, 话题, 排除. Lines before
 * any header take `defaultKind` (region unless told).
 *
 * An import is all or nothing: any error refuses the whole list and reports
 * every problem with its line (text) or path (JSON).
 */
import { watchlistSchema, WATCH_KINDS, type WatchEntry, type WatchKind } from './schema.ts';

/** One problem in an import. */
export interface ImportError {
  /** 1-based line in the imported text, when known. */
  line?: number;
  /** Path of the offending field (e.g. `entries.3.kind`), for JSON. */
  path?: string;
  /** What is wrong, for a person to read. */
  message: string;
}

/** The result of an import: the validated list, or every error found. */
export type ImportResult = { ok: true; value: WatchEntry[] } | { ok: false; errors: ImportError[] };

/** Export formats. */
export type WatchlistFormat = 'json' | 'text';

/** Format tag written in exported JSON. */
export const WATCHLIST_FORMAT_TAG = 'yq-watchlist';

const HEADER_KINDS: Record<string, WatchKind> = {
  region: 'region',
  agency: 'agency',
  topic: 'topic',
  exclusion: 'exclusion',
  地区: 'region',
  机构: 'agency',
  话题: 'topic',
  排除: 'exclusion',
};

/**
 * Parses a watch-list import (JSON or text). A file whose first non-blank
 * character is `{` is JSON; one starting with `[` is JSON unless its first
 * line is a section header (`[region]`, `[地区]`…). Refused whole, never
 * saved as something else: an empty or comment-only file (an empty list
 * would silently stop all flagging), a cut-off or malformed JSON file (named
 * with its 1-based line), a JSON scalar, and any line or field `watchlistSchema`
 * refuses.
 */
export function parseWatchlistImport(
  text: string,
  { defaultKind = 'region' }: { defaultKind?: WatchKind } = {},
): ImportResult {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trim();
  if (trimmed === '') return { ok: false, errors: [{ message: '名单是空的：没有任何条目' }] };
  const first = trimmed[0];
  // "[region]" opens a text list too: a "[" file that is not JSON is text when its first line is a known section.
  const header = SECTION_HEADER.exec(trimmed.split(/\r\n|\r|\n/, 1)[0]?.trim() ?? '');
  const textSection = header !== null && HEADER_KINDS[header[1]?.toLowerCase() ?? ''] !== undefined;
  const scalar = first === '"' || /^(?:null|true|false)$/.test(trimmed);
  if (first === '{' || (first === '[' && !textSection) || scalar) {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (e) {
      return { ok: false, errors: [jsonSyntaxError(body, e as Error)] };
    }
    if (data === null || typeof data !== 'object') {
      return { ok: false, errors: [{ path: '(root)', message: 'JSON 文件须是条目数组或 {"format":"yq-watchlist","entries":[…]}，不能是单个值' }] };
    }
    const parsed = parseJson(data);
    return parsed.ok && parsed.value.length === 0 ? { ok: false, errors: [{ path: '(root)', message: '名单是空的：没有任何条目' }] } : parsed;
  }
  const parsed = parseText(body, defaultKind);
  if (parsed.ok && parsed.value.length === 0) {
    return { ok: false, errors: [{ message: '名单里只有注释或空行：没有任何条目' }] };
  }
  return parsed;
}

/** A section header line of the text format: `[region]`, `[agency 澜江市]`, `[话题 民生热点]`. */
const SECTION_HEADER = /^\[\s*(\S+)\s*(.*?)\s*\]$/;

/** The JSON parser's complaint, with the 1-based line when the engine gives a position. */
function jsonSyntaxError(body: string, error: Error): ImportError {
  const position = /position (\d+)/.exec(error.message);
  const at = position ? Number(position[1]) : undefined;
  // Engines word "the text stopped" differently; a fault at (or past) the last character is a cut-off file.
  const cutOff = /end of JSON input|Unterminated/i.test(error.message) || (at !== undefined && at >= body.trimEnd().length);
  const message = cutOff ? 'JSON 文件不完整（在结尾处被截断）' : `不是有效的 JSON：${error.message}`;
  const lineAt = (offset: number) => body.slice(0, offset).split(/\r\n|\r|\n/).length;
  if (at !== undefined) return { line: lineAt(Math.min(at, body.trimEnd().length)), message };
  return cutOff ? { line: lineAt(body.trimEnd().length), message } : { message };
}

function parseJson(data: unknown): ImportResult {
  let entries: unknown = data;
  let prefix = '';
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const obj = data as Record<string, unknown>;
    if (obj.format !== undefined && obj.format !== WATCHLIST_FORMAT_TAG) {
      return { ok: false, errors: [{ path: 'format', message: `格式标记应为 "${WATCHLIST_FORMAT_TAG}"` }] };
    }
    if (obj.version !== undefined && obj.version !== 1) {
      return { ok: false, errors: [{ path: 'version', message: '不支持的版本（应为 1）' }] };
    }
    entries = obj.entries;
    prefix = 'entries';
  }
  const parsed = watchlistSchema.safeParse(entries);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      path: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.') || '(root)',
      message: issue.message,
    })),
  };
}

function parseText(text: string, defaultKind: WatchKind): ImportResult {
  const errors: ImportError[] = [];
  const entries: WatchEntry[] = [];
  const lineOf: number[] = [];
  let kind: WatchKind = defaultKind;
  let qualifier: string | undefined;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const header = SECTION_HEADER.exec(content);
    if (header) {
      const k = HEADER_KINDS[header[1]?.toLowerCase() ?? ''];
      if (!k) {
        errors.push({ line, message: `未知的分区“${header[1]}”（应为 ${WATCH_KINDS.join('、')}）` });
        return;
      }
      kind = k;
      qualifier = header[2] || undefined;
      if (qualifier && (kind === 'region' || kind === 'exclusion')) {
        errors.push({ line, message: `“${kind}”分区不带限定词` });
      }
      return;
    }
    let head = content;
    let parent: string | undefined;
    if (kind === 'region' && head.includes('<')) {
      const [name, up, ...rest] = head.split('<');
      if (rest.length > 0 || !up?.trim()) {
        errors.push({ line, message: '地区请写成“名称 < 上级”，只能有一个上级' });
        return;
      }
      head = name ?? '';
      parent = up.trim();
    }
    const [term = '', ...others] = head.split('|').map((s) => s.trim());
    const aliases = others.filter((a) => !a.startsWith('~'));
    const contextAliases = others.filter((a) => a.startsWith('~')).map((a) => a.slice(1).trim());
    const entry: WatchEntry = { term, kind };
    if (aliases.length) entry.aliases = aliases;
    if (contextAliases.length) entry.contextAliases = contextAliases;
    if (parent) entry.parent = parent;
    if (kind === 'agency' && qualifier) entry.region = qualifier;
    if (kind === 'topic' && qualifier) entry.category = qualifier;
    entries.push(entry);
    lineOf.push(line);
  });
  const parsed = watchlistSchema.safeParse(entries);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const index = typeof issue.path[0] === 'number' ? issue.path[0] : -1;
      const field = issue.path.slice(1).map(String).join('.');
      errors.push({
        ...(index >= 0 ? { line: lineOf[index] } : {}),
        ...(field ? { path: field } : {}),
        message: issue.message,
      });
    }
  }
  if (errors.length > 0) {
    errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { ok: false, errors };
  }
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors };
}

/** Writes a watch list as JSON (with format tag and version) or as the text format above. */
export function exportWatchlist(entries: readonly WatchEntry[], format: WatchlistFormat = 'json'): string {
  if (format === 'json') {
    return `${JSON.stringify({ format: WATCHLIST_FORMAT_TAG, version: 1, entries }, null, 2)}\n`;
  }
  const lines: string[] = [];
  // Group consecutive-by-section: one header per (kind, qualifier), in first-seen order.
  const groups = new Map<string, WatchEntry[]>();
  for (const e of entries) {
    const qualifier = e.kind === 'agency' ? e.region : e.kind === 'topic' ? e.category : undefined;
    const key = qualifier ? `${e.kind} ${qualifier}` : e.kind;
    const group = groups.get(key) ?? [];
    group.push(e);
    groups.set(key, group);
  }
  for (const [header, group] of groups) {
    if (lines.length) lines.push('');
    lines.push(`[${header}]`);
    for (const e of group) {
      const forms = [e.term, ...(e.aliases ?? []), ...(e.contextAliases ?? []).map((a) => `~${a}`)];
      lines.push(forms.join(' | ') + (e.parent ? ` < ${e.parent}` : ''));
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The watch list as the settings editor shows it: the text format when that
 * says everything about the list (importing the text gives the same list
 * back), otherwise the JSON export, which always does. Terms the text format
 * cannot carry — a term starting with "#" (a comment there), holding "|" or
 * "<", an alias starting with "~", a term that looks like a "[section]" —
 * would otherwise be silently rewritten when the officer adds one line and
 * saves.
 */
export function editableWatchlist(entries: readonly WatchEntry[]): { format: WatchlistFormat; text: string } {
  const text = exportWatchlist(entries, 'text');
  const again = parseWatchlistImport(text);
  // Entries are compared as a set: the text form groups them by section, and their order means nothing to the matcher.
  const same = again.ok && sameEntries(again.value, normalized(entries));
  return same ? { format: 'text', text } : { format: 'json', text: exportWatchlist(entries, 'json') };
}

/** Whether two lists hold the same entries, in any order. */
function sameEntries(a: readonly WatchEntry[], b: readonly WatchEntry[]): boolean {
  const keys = (list: readonly WatchEntry[]) => list.map((entry) => JSON.stringify(entry)).sort();
  return JSON.stringify(keys(a)) === JSON.stringify(keys(b));
}

/** Entries as the schema outputs them (same key order), for comparing lists. */
function normalized(entries: readonly WatchEntry[]): WatchEntry[] {
  const parsed = watchlistSchema.safeParse(entries);
  return parsed.success ? parsed.data : [...entries];
}

/**
 * A watch list that cannot be used is refused with its line and why, and
 * nothing is saved: the probe files of issue 11 (tests/fixtures/probe, copied
 * from the hostile-input reproductions) and more of the same kind. Every list
 * the import accepts compiles, so a saved list can never stop flagging.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWatchlist, editableWatchlist, parseWatchlistImport, watchlistSchema } from '../../../lib/match/index.ts';

const PROBE = join(import.meta.dirname, '../../fixtures/probe');
const probe = (name: string) => readFileSync(join(PROBE, name), 'utf8');

const VALID = '[region]\n澜江市 | 澜江\n[agency 澜江市]\n澜江市信访局 | ~信访局\n';

describe('uncompilable-terms.txt: each line, appended alone to a valid list, is refused with its number', () => {
  const lines = probe('uncompilable-terms.txt').split('\n');
  // The probe's own comment names the lines: em dash, ellipsis, reference mark, zero-width space,
  // RLO, RLM+LRM, alias '-', (a header), context alias '~'.
  const cases = lines
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== '' && !line.startsWith('#') && !line.startsWith('['));

  it('has the eight bad lines the probe describes', () => {
    expect(cases).toHaveLength(8);
  });

  it.each(cases)('line $number ($line)', ({ line }) => {
    // A "~" context alias belongs to an agency; the other lines are appended to the regions.
    const [text, lineNumber] = line.includes('~') ? [`${VALID}${line}`, 5] : [`[region]\n澜江市 | 澜江\n${line}`, 3];
    const result = parseWatchlistImport(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ line: lineNumber, message: expect.stringContaining('没有可匹配的文字') })]);
  });

  it('the whole probe file is refused line by line, 1-based', () => {
    const result = parseWatchlistImport(probe('uncompilable-terms.txt'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 12]);
  });
});

describe('empty and cut-off files are errors, named as such', () => {
  it.each([
    ['empty.txt', '空的'],
    ['comments-only.txt', '只有注释'],
  ])('%s', (file, words) => {
    expect(parseWatchlistImport(probe(file))).toEqual({ ok: false, errors: [{ message: expect.stringContaining(words) }] });
  });

  it('truncated-array.json is a cut-off JSON file, not a text list of "[" and "{"', () => {
    const result = parseWatchlistImport(probe('truncated-array.json'));
    expect(result).toEqual({ ok: false, errors: [{ line: 5, message: 'JSON 文件不完整（在结尾处被截断）' }] });
  });

  it.each([
    ['a blank-only file', ' \n\t\r\n'],
    ['a byte-order mark only', '\uFEFF'],
    ['an empty JSON array', '[]'],
    ['an export with no entries', '{"format":"yq-watchlist","version":1,"entries":[]}'],
  ])('%s is refused as empty', (_label, text) => {
    const result = parseWatchlistImport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain('空的');
  });

  it.each([
    ['a JSON string', '"澜江市"'],
    ['JSON null', 'null'],
    ['a JSON object cut after its key', '{"entries"'],
  ])('%s is refused, not read as a term', (_label, text) => {
    expect(parseWatchlistImport(text).ok).toBe(false);
  });

  it('a JSON scalar says what a watch list file should be', () => {
    expect(parseWatchlistImport('"澜江市"')).toEqual({ ok: false, errors: [{ path: '(root)', message: expect.stringContaining('不能是单个值') }] });
  });

  it('a malformed JSON file names the 1-based line of the fault', () => {
    const text = '[\n  {"term": "澜江市", "kind": "region"},\n  {"term": "江北区" "kind": "region"}\n]';
    expect(parseWatchlistImport(text)).toEqual({ ok: false, errors: [{ line: 3, message: expect.stringContaining('不是有效的 JSON') }] });
  });

  it('a text list whose first line is a section header is still text, not broken JSON', () => {
    expect(parseWatchlistImport('[地区]\n澜江市').ok).toBe(true);
  });
});

describe('characters nobody can see or type are refused with the line', () => {
  it.each([
    ['a control character', '[region]\n澜江\u0007市', 2, 'U+0007'],
    ['DEL', '[region]\n澜江市\n江北\u007f区', 3, 'U+007F'],
    ['a C1 control', '[region]\n澜江\u0085市', 2, 'U+0085'],
    ['a lone high surrogate', '[region]\n澜江市\n江北区\ud83d', 3, '代理项'],
    ['a lone low surrogate in an alias', '[region]\n澜江市 | \ude00澜江', 2, '代理项'],
    ['only direction marks and zero-width joiners', '[topic]\n欠薪\n\u2066\u200d\u2069', 3, '没有可匹配的文字'],
    ['only full-width punctuation and spaces', '[topic]\n欠薪\n＊　～', 3, '没有可匹配的文字'],
  ])('%s', (_label, text, line, words) => {
    const result = parseWatchlistImport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ line, message: expect.stringContaining(words) })]);
  });

  it('a JSON list with such a term names its path', () => {
    const text = JSON.stringify([{ term: '澜江市', kind: 'region', aliases: ['—'] }, { term: '\u200b', kind: 'topic' }]);
    const result = parseWatchlistImport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(['0.aliases.0', '1.term']);
  });

  it('an emoji (a surrogate pair) and symbols around real words are fine', () => {
    expect(parseWatchlistImport('[topic]\n😀欠薪\n「停水」').ok).toBe(true);
  });
});

describe('every list the schema accepts compiles', () => {
  it.each([
    ['the 4,000-topic probe list', probe('watchlist-4000-topics.txt')],
    ['the round-trip probe list', probe('roundtrip.json')],
  ])('%s', (_label, text) => {
    const result = parseWatchlistImport(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(() => compileWatchlist(result.value)).not.toThrow();
  });

  it('the schema itself refuses what the compiler cannot build, whoever saves the list', () => {
    expect(watchlistSchema.safeParse([{ term: '……', kind: 'topic' }]).success).toBe(false);
  });
});

describe('region hierarchies are checked in linear time', () => {
  it('a chain of 20,000 regions, each under the one before, is accepted quickly', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => ({ term: `区${i}`, kind: 'region' as const, ...(i > 0 ? { parent: `区${i - 1}` } : {}) }));
    expect(watchlistSchema.safeParse(chain).success).toBe(true);
  });

  it('every region on a loop, and every region under it, is named', () => {
    const result = parseWatchlistImport('[region]\n甲 < 乙\n乙 < 甲\n丙 < 甲\n丁');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4]);
  });
});

describe('the settings editor round-trips the list it shows (roundtrip.json)', () => {
  it('a list the text format cannot say is shown as JSON, which gives the same list back', () => {
    const imported = parseWatchlistImport(probe('roundtrip.json'));
    if (!imported.ok) throw new Error('the probe list does not import');
    const shown = editableWatchlist(imported.value);
    expect(shown.format).toBe('json');
    // The officer adds one entry and saves: everything else is as it was.
    const edited = JSON.parse(shown.text) as { entries: unknown[] };
    edited.entries.push({ term: '停水', kind: 'topic' });
    const saved = parseWatchlistImport(JSON.stringify(edited));
    expect(saved).toEqual({ ok: true, value: [...imported.value, { term: '停水', kind: 'topic' }] });
  });

  it.each([
    ['a #hashtag term', { term: '#澜江热点', kind: 'topic' as const }],
    ['a term holding |', { term: '甲|乙', kind: 'topic' as const }],
    ['an alias starting with ~', { term: '澜江市公安局', kind: 'agency' as const, aliases: ['~澜江公安'] }],
    ['a term that looks like a section', { term: '[region]', kind: 'topic' as const }],
  ])('%s makes the editor use JSON', (_label, entry) => {
    expect(editableWatchlist([entry]).format).toBe('json');
  });

  it('an ordinary list is shown as text, and that text gives the same list back', () => {
    const list = [{ term: '澜江市', kind: 'region' as const, aliases: ['澜江'] }, { term: '欠薪', kind: 'topic' as const, category: '民生热点' }];
    const shown = editableWatchlist(list);
    expect(shown.format).toBe('text');
    expect(parseWatchlistImport(shown.text)).toEqual({ ok: true, value: list });
  });

  it('a region added after the topics is still shown as text (the text form groups entries by section)', () => {
    const list = [
      { term: '澜江市', kind: 'region' as const },
      { term: '欠薪', kind: 'topic' as const },
      { term: '新港镇', kind: 'region' as const, parent: '澜江市' },
    ];
    const shown = editableWatchlist(list);
    expect(shown.format).toBe('text');
    const again = parseWatchlistImport(shown.text);
    expect(again.ok && [...again.value].sort((x, y) => x.term.localeCompare(y.term))).toEqual([...list].sort((x, y) => x.term.localeCompare(y.term)));
  });
});

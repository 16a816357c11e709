import { describe, expect, it } from 'vitest';
import { DEMO_WATCHLIST, exportWatchlist, parseWatchlistImport, watchlistSchema } from '../../../lib/match/index.ts';

describe('the demo watch list', () => {
  it('is a valid watch list', () => {
    expect(watchlistSchema.safeParse(DEMO_WATCHLIST).success).toBe(true);
  });

  it.each([
    ['澜江市', 'region'],
    ['白沙镇', 'region'],
    ['桃源街道', 'region'],
    ['澜江市信访局', 'agency'],
    ['食品安全', 'topic'],
    ['澜江啤酒', 'exclusion'],
    ['澜江路', 'exclusion'],
  ])('covers %s as a %s', (term, kind) => {
    expect(DEMO_WATCHLIST.find((e) => e.term === term)?.kind).toBe(kind);
  });
});

describe('export then import gives the same list', () => {
  it.each(['json', 'text'] as const)('as %s', (format) => {
    const result = parseWatchlistImport(exportWatchlist(DEMO_WATCHLIST, format));
    expect(result).toEqual({ ok: true, value: DEMO_WATCHLIST });
  });
});

describe('importing a one-term-per-line list', () => {
  it('reads sections, aliases, context aliases, parents, regions and categories', () => {
    const text = [
      '# 宣城 watch list',
      '[地区]',
      '宣城市 | 宣城',
      '宣州区 < 宣城市',
      '[agency 宣城市]',
      '宣城市公安局 | ~公安局',
      '[topic 民生热点]',
      '欠薪',
      '[exclusion]',
      '宣城路',
    ].join('\r\n');
    expect(parseWatchlistImport(text)).toEqual({
      ok: true,
      value: [
        { term: '宣城市', kind: 'region', aliases: ['宣城'] },
        { term: '宣州区', kind: 'region', parent: '宣城市' },
        { term: '宣城市公安局', kind: 'agency', contextAliases: ['公安局'], region: '宣城市' },
        { term: '欠薪', kind: 'topic', category: '民生热点' },
        { term: '宣城路', kind: 'exclusion' },
      ],
    });
  });

  it('takes plain lines as regions unless told otherwise', () => {
    expect(parseWatchlistImport('宣城\n芜湖\n', { defaultKind: 'topic' })).toEqual({
      ok: true,
      value: [
        { term: '宣城', kind: 'topic' },
        { term: '芜湖', kind: 'topic' },
      ],
    });
    expect(parseWatchlistImport('宣城').ok && parseWatchlistImport('宣城')).toMatchObject({ value: [{ kind: 'region' }] });
  });
});

describe('a bad import is refused whole, with line or field', () => {
  it.each([
    ['an unknown section', '[region]\n宣城市\n[people]\n张三', [{ line: 3, message: expect.stringContaining('未知的分区') }]],
    ['an unknown parent', '[region]\n宣州区 < 宣城市', [{ line: 2, path: 'parent', message: expect.stringContaining('不在名单中') }]],
    ['a duplicate', '[region]\n宣城市\n\n宣城市', [{ line: 4, path: 'term', message: expect.stringContaining('重复') }]],
    ['two parents', '[region]\n宣城市\n宣州区 < 宣城市 < 安徽省', [{ line: 3, message: expect.stringContaining('只能有一个上级') }]],
    ['a qualifier on a region section', '[region 安徽]\n宣城市', [{ line: 1, message: expect.stringContaining('不带限定词') }]],
    ['a region hierarchy loop', '[region]\n甲 < 乙\n乙 < 甲', [
      { line: 2, path: 'parent', message: expect.stringContaining('循环') },
      { line: 3, path: 'parent', message: expect.stringContaining('循环') },
    ]],
  ])('text with %s', (_label, text, errors) => {
    expect(parseWatchlistImport(text)).toEqual({ ok: false, errors });
  });

  it.each([
    ['malformed JSON', '{"entries": [', [{ line: 1, message: expect.stringContaining('不完整') }]],
    ['a wrong kind', '[{"term":"宣城","kind":"city"}]', [{ path: '0.kind', message: expect.any(String) }]],
    ['an unknown field', '{"entries":[{"term":"宣城","kind":"region","colour":"red"}]}', [{ path: 'entries.0', message: expect.any(String) }]],
    ['a parent on an agency', '[{"term":"宣城","kind":"region"},{"term":"宣城市公安局","kind":"agency","parent":"宣城"}]', [
      { path: '1.parent', message: '只有地区才有上级（parent）' },
    ]],
    ['another format', '{"format":"something-else","entries":[]}', [{ path: 'format', message: expect.any(String) }]],
    ['a future version', '{"format":"yq-watchlist","version":2,"entries":[]}', [{ path: 'version', message: expect.any(String) }]],
  ])('JSON with %s', (_label, text, errors) => {
    expect(parseWatchlistImport(text)).toEqual({ ok: false, errors });
  });
});

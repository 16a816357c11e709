/** The desk's inbox rules: search terms, the kept filter, and what each key does. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_INBOX_FILTER, moveSelection, parseInboxFilter, searchTermsOf, shortcutOf, type KeyPress } from '../../../lib/desk/inbox';

const key = (k: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, targetTag: 'BODY', ...extra });

describe('search terms', () => {
  it('splits on spaces, including the full-width space officers type with a Chinese IME, and ignores case', () => {
    expect(searchTermsOf('滨江花园　停水  ABC')).toEqual(['滨江花园', '停水', 'abc']);
    expect(searchTermsOf('   ')).toEqual([]);
    expect(searchTermsOf(undefined)).toEqual([]);
  });
});

describe('the filter kept while the officer opens cases', () => {
  it('comes back as it was stored, without facets left on 全部', () => {
    expect(parseInboxFilter(JSON.stringify({ view: 'overdue', tier: 'major', site: '', text: '停水' }))).toEqual({
      view: 'overdue',
      tier: 'major',
      text: '停水',
    });
  });

  it.each([null, '', '{', '{"view":"everything"}', '{"view":"open","tier":"huge"}', '[]'])('falls back to the open cases for %j', (stored) => {
    expect(parseInboxFilter(stored)).toEqual(DEFAULT_INBOX_FILTER);
  });
});

describe('keyboard shortcuts', () => {
  it.each([
    ['j', 'inbox', 'next'],
    ['ArrowDown', 'inbox', 'next'],
    ['k', 'inbox', 'previous'],
    ['Enter', 'inbox', 'open'],
    ['/', 'inbox', 'search'],
    ['c', 'case', 'claim'],
    ['a', 'case', 'assess'],
    ['r', 'case', 'report'],
    ['Escape', 'case', 'back'],
  ] as const)('%s on the %s screen means %s', (k, screen, shortcut) => {
    expect(shortcutOf(key(k), screen)).toBe(shortcut);
  });

  it('leaves keys typed into a field, and the browser’s own Ctrl/⌘/Alt shortcuts, alone', () => {
    expect(shortcutOf(key('j', { targetTag: 'INPUT' }), 'inbox')).toBeUndefined();
    expect(shortcutOf(key('c', { targetTag: 'textarea' }), 'case')).toBeUndefined();
    expect(shortcutOf(key('c', { targetEditable: true }), 'case')).toBeUndefined();
    expect(shortcutOf(key('j', { ctrlKey: true }), 'inbox')).toBeUndefined();
    expect(shortcutOf(key('c'), 'inbox')).toBeUndefined();
    expect(shortcutOf(key('j'), 'case')).toBeUndefined();
  });

  it('moves the selection within the list', () => {
    expect(moveSelection(-1, 'next', 3)).toBe(0);
    expect(moveSelection(2, 'next', 3)).toBe(2);
    expect(moveSelection(0, 'previous', 3)).toBe(0);
    expect(moveSelection(-1, 'previous', 3)).toBe(0);
    expect(moveSelection(1, 'next', 0)).toBe(-1);
  });
});

// @vitest-environment jsdom
/**
 * Long lists of records (a thread of more than a few dozen floors) are read
 * as one group when every floor has the same tag and class attribute: asked
 * of the browser in one query. These tests hold that shortcut to what
 * reading each floor's tag and class gives.
 */
import { describe, expect, it } from 'vitest';
import { followPath, followPathInBulk, mineRecordGroups } from '../../../lib/sites/records.ts';
import { parse, savedPages } from '../../support/first-scan-pages';

const NOW = new Date('2026-11-23T12:00:00+08:00');

/** A thread page of `count` floors; `classOf(n)` gives floor n's class attribute (null: none). */
function thread(count: number, classOf: (n: number) => string | null): Document {
  const floors = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const cls = classOf(n);
    return `<div${cls === null ? '' : ` class="${cls.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`}><a class="user" href="/u/${n}">网友${n}</a><span class="time">2026-11-20 08:${String(n % 60).padStart(2, '0')}</span><p>第${n}楼：今天的天气不错，出门走走。</p></div>`;
  });
  return new DOMParser().parseFromString(`<html><body><div class="posts">${floors.join('\n')}</div></body></html>`, 'text/html');
}

function floorsOf(doc: Document): number[] {
  return mineRecordGroups(doc.body, NOW).map((g) => g.records.length);
}

describe('a long list of floors', () => {
  it('of one tag and one class is one group of every floor', () => {
    expect(floorsOf(thread(120, () => 'post'))).toEqual([120]);
  });

  it('where one floor carries another class is the others, that floor left out', () => {
    expect(floorsOf(thread(120, (n) => (n === 50 ? 'post sticky' : 'post')))).toEqual([119]);
  });

  it('whose class holds quotes, backslashes and line breaks is still one group', () => {
    expect(floorsOf(thread(120, () => 'post "hot" a\\b\nc'))).toEqual([120]);
  });

  it('without a class, or with an empty one, is one group', () => {
    expect(floorsOf(thread(120, (n) => (n % 2 === 0 ? '' : null)))).toEqual([120]);
  });

  it('whose floor numbers are printed in the class is one group, as on a short list', () => {
    expect(floorsOf(thread(120, (n) => `post post-${n}`))).toEqual([120]);
    expect(floorsOf(thread(20, (n) => `post post-${n}`))).toEqual([20]);
  });
});

describe('the learned paths followed for a whole list at once', () => {
  /** Where `followPathInBulk` answers, its answer is `followPath`'s; returns how many it answered. */
  function expectAsFollowPath(records: Element[], path: string[]): number {
    const bulk = followPathInBulk(records, path);
    let answered = 0;
    records.forEach((record, k) => {
      if (bulk[k] === undefined) return;
      answered++;
      expect(bulk[k]).toBe(followPath(record, path));
    });
    return answered;
  }

  it('find what following them record by record finds, on every saved page', () => {
    let answered = 0;
    for (const page of savedPages()) {
      for (const group of mineRecordGroups(parse(page.html).body, NOW)) {
        if (group.bodyPath) answered += expectAsFollowPath(group.records, group.bodyPath);
        if (group.authorPath) answered += expectAsFollowPath(group.records, group.authorPath);
      }
    }
    expect(answered).toBeGreaterThan(100);
  });

  it('leave to the record-by-record walk a floor whose first header has no author, one with two bodies, and a non-HTML element', () => {
    const floor = (n: number) => {
      if (n === 3) return `<div class="f"><div class="head"><span>置顶</span></div><div class="head"><a class="user" href="/u/3">网友3</a></div><div class="text">正文</div></div>`;
      if (n === 4) return `<div class="f"><div class="head"><a class="user" href="/u/4">网友4</a></div><div class="text">正文一</div><div class="text">正文二</div></div>`;
      if (n === 5) return `<div class="f"><div class="head"><svg><a class="user"><text>网友5</text></a></svg></div><div class="text">正文</div></div>`;
      return `<div class="f"><div class="head"><a class="user" href="/u/${n}">网友${n}</a></div><div class="text">正文</div></div>`;
    };
    const doc = parse(`<!doctype html><html><body><div class="list">${Array.from({ length: 8 }, (_, i) => floor(i + 1)).join('')}</div></body></html>`);
    const records = [...doc.querySelectorAll('.f')];
    const authors = followPathInBulk(records, ['div.head', 'a.user']);
    const bodies = followPathInBulk(records, ['div.text']);
    expect(Array.from(authors, (a) => a !== undefined)).toEqual([true, true, false, true, false, true, true, true]);
    expect(Array.from(bodies, (b) => b !== undefined)).toEqual([true, true, true, false, true, true, true, true]);
    expectAsFollowPath(records, ['div.head', 'a.user']);
    expectAsFollowPath(records, ['div.text']);
  });
});

describe('an article written straight into a block of many lines', () => {
  it('is found by its own text, however many line breaks it holds', async () => {
    const { findPostElements } = await import('../../../lib/sites/index.ts');
    const lines = Array.from({ length: 60 }, (_, i) => `第${i + 1}段：江北区白沙镇的供水管网改造进展情况说明。`).join('<br>\n');
    const comments = Array.from({ length: 3 }, (_, i) => `<li class="c"><a class="user" href="/u/${i}">读者${i}</a><span class="time">2024-05-0${i + 1} 10:00</span><p>评论内容第${i + 1}条，支持改造。</p></li>`).join('');
    const doc = parse(`<!doctype html><html><head><title>通知</title></head><body><div class="nav"><a href="/">首页</a></div><div id="notice">${lines}</div><ul class="comments">${comments}</ul></body></html>`);
    expect(doc.getElementById('notice')!.childNodes.length).toBeGreaterThan(64);
    const posts = findPostElements(doc, 'https://gov.example.test/notice/1', { now: NOW });
    expect(posts[0]?.kind).toBe('article');
    expect(posts[0]?.element.id).toBe('notice');
    expect(posts[0]?.text).toContain('第60段');
    expect(posts.filter((p) => p.kind === 'comment')).toHaveLength(3);
  });
});

/**
 * For each built-in profile, a case walks through the whole procedure and
 * every deadline the profile must produce is checked at each checkpoint.
 */
import { describe, expect, it } from 'vitest';
import { getBuiltInProfile, type PolicyProfile } from '../../../lib/policy';
import type { CaseEvent } from '../../../lib/cases';
import { CAPTURE, cst, logFor } from './helpers';
import { deadlinesAt } from './walk';

function profile(id: string): PolicyProfile {
  const p = getBuiltInProfile(id);
  if (!p) throw new Error(`missing ${id}`);
  return p;
}

type Walk = [checkpoint: string, expected: string[]][];

function walk(profileId: string, events: CaseEvent[], checkpoints: Walk) {
  return checkpoints.map(([now, expected]) => [profileId, now, events, expected] as const);
}

// ── Xuancheng 2015: general case, Mid-Autumn 2024 in the middle ──
const xcGeneral = logFor('xc-general');
xcGeneral.add('captured', '2024-09-09 09:00', CAPTURE);
xcGeneral.add('claimed', '2024-09-09 09:30', { department: '市住建局', level: 'city' });
xcGeneral.add('assessed', '2024-09-09 10:00', { tier: 'general', category: 'petition', department: '市住建局' });
xcGeneral.add('reported', '2024-09-09 11:00', { channel: 'log', to: ['局长', '分管副局长'] });
xcGeneral.add('investigation-report', '2024-09-13 16:00', { summary: '已恢复供水' });
xcGeneral.add('responded', '2024-09-18 10:00', { channel: '政民互动', url: 'https://www.xuancheng.gov.cn/reply/1' });

// ── Xuancheng 2015: major, historical legacy, high attention, across National Day ──
const xcMajor = logFor('xc-major');
xcMajor.add('captured', '2024-09-09 09:00', CAPTURE);
xcMajor.add('claimed', '2024-09-09 09:30', { department: '市信息办', level: 'several' });
xcMajor.add('assessed', '2024-09-09 10:00', { tier: 'major', category: 'other', department: '市信息办', flags: ['historical-legacy', 'high-attention'] });
xcMajor.add('reported', '2024-09-09 12:00', { channel: 'special-report', to: ['市领导'] });
xcMajor.add('investigation-report', '2024-09-27 10:00', { summary: '历史遗留问题已核实' });
xcMajor.add('responded', '2024-10-11 10:00', { channel: '政民互动' });

// ── Xuancheng 2015: extension requested in time and granted ──
const xcExtension = logFor('xc-extension');
xcExtension.add('captured', '2024-03-04 08:30', CAPTURE);
xcExtension.add('claimed', '2024-03-04 09:00', { department: '市住建局' });
xcExtension.add('assessed', '2024-03-04 09:30', { tier: 'larger', category: 'petition', department: '市住建局' });
xcExtension.add('reported', '2024-03-04 10:00', {});
xcExtension.add('extension-requested', '2024-03-06 10:00', { step: 'investigation-report', reason: '需现场核查' });
xcExtension.add('extension-granted', '2024-03-06 15:00', { step: 'investigation-report', newLimit: cst('2024-03-20 23:59:59.999') });
xcExtension.add('investigation-report', '2024-03-15 16:00', { summary: '核实完毕' });

// ── Xuancheng 2015: extension requested too late ──
const xcLateExtension = logFor('xc-late-extension');
xcLateExtension.add('captured', '2024-03-04 08:30', CAPTURE);
xcLateExtension.add('claimed', '2024-03-04 09:00', { department: '市住建局' });
xcLateExtension.add('assessed', '2024-03-04 09:30', { tier: 'general', category: 'petition', department: '市住建局' });
xcLateExtension.add('reported', '2024-03-04 10:00', {});
xcLateExtension.add('extension-requested', '2024-03-08 10:00', { step: 'investigation-report', reason: '需现场核查' });

// ── Qinzhou: 重大 sudden event with casualties, claimed on May Day ──
const qzMajor = logFor('qz-major');
qzMajor.add('captured', '2024-05-01 07:50', CAPTURE);
qzMajor.add('claimed', '2024-05-01 08:00', { department: '市应急办' });
qzMajor.add('assessed', '2024-05-01 08:10', { tier: 'major', category: 'emergency', department: '市应急办', flags: ['sudden-event', 'major-casualties'] });
qzMajor.add('responded', '2024-05-01 08:40', { kind: 'publish-facts', channel: '政府门户网站' });
qzMajor.add('responded', '2024-05-02 10:00', { kind: 'press-conference', channel: '新闻发布会' });

// ── Qinzhou: 较大, an "other" case ──
const qzOther = logFor('qz-other');
qzOther.add('captured', '2024-06-03 09:00', CAPTURE);
qzOther.add('claimed', '2024-06-03 10:00', { department: '市教育行业主管部门' });
qzOther.add('assessed', '2024-06-03 11:00', { tier: 'larger', category: 'livelihood-education', department: '市教育行业主管部门' });
qzOther.add('responded', '2024-06-05 09:00', { channel: '政务微博' });

// ── Qinzhou: 重大 but not a sudden event: still the 48-hour reply ──
const qzMajorNotSudden = logFor('qz-major-not-sudden');
qzMajorNotSudden.add('captured', '2024-06-03 09:00', CAPTURE);
qzMajorNotSudden.add('claimed', '2024-06-03 10:00', { department: '市信访局' });
qzMajorNotSudden.add('assessed', '2024-06-03 11:00', { tier: 'major', category: 'public-sentiment', department: '市信访局' });

// ── Yunhe: 特别重大 sudden event ──
const yhMajor = logFor('yh-major');
yhMajor.add('captured', '2024-07-01 22:00', CAPTURE);
yhMajor.add('claimed', '2024-07-01 22:10', { department: '县应急管理局', level: 'county' });
yhMajor.add('assessed', '2024-07-01 22:20', { tier: 'especially-major', category: 'disaster', department: '县政府主管部门', flags: ['sudden-event'] });
yhMajor.add('responded', '2024-07-02 20:00', { kind: 'press-conference', channel: '新闻发布会' });

// ── Yunhe: general case answered late ──
const yhGeneral = logFor('yh-general');
yhGeneral.add('captured', '2024-07-01 09:00', CAPTURE);
yhGeneral.add('claimed', '2024-07-01 09:30', { department: '某镇政府', level: 'township' });
yhGeneral.add('assessed', '2024-07-01 10:00', { tier: 'general', category: 'township', department: '涉事乡镇(街道)' });
yhGeneral.add('responded', '2024-07-03 12:00', { channel: '云和发布' });

// ── Law-enforcement bureau: major case, minutes with 力争 targets ──
const leMajor = logFor('le-major');
leMajor.add('captured', '2024-03-04 10:00', CAPTURE);
leMajor.add('claimed', '2024-03-04 10:02', { department: '属地综合执法(分)局' });
leMajor.add('assessed', '2024-03-04 10:05', { tier: 'major', category: 'county-enforcement', department: '属地综合执法(分)局' });
leMajor.add('reported', '2024-03-04 10:25', { channel: 'oral' });
leMajor.add('written-report', '2024-03-04 11:00', {});

// ── Law-enforcement bureau: general case, written report late ──
const leGeneral = logFor('le-general');
leGeneral.add('captured', '2024-03-04 10:00', CAPTURE);
leGeneral.add('claimed', '2024-03-04 10:05', { department: '市容处' });
leGeneral.add('assessed', '2024-03-04 10:10', { tier: 'general', category: 'bureau', department: '相关责任处室' });
leGeneral.add('reported', '2024-03-04 10:50', { channel: 'oral' });
leGeneral.add('written-report', '2024-03-04 12:30', {});

// ── Liaoyuan: no numeric deadlines at all ──
const lyCase = logFor('ly');
lyCase.add('captured', '2024-03-04 10:00', CAPTURE);
lyCase.add('claimed', '2024-03-04 10:30', { department: '市局办公室' });
lyCase.add('assessed', '2024-03-04 11:00', { tier: 'major', category: 'emergency', department: '市局办公室', flags: ['sudden-event'] });
lyCase.add('responded', '2024-03-05 11:00', { channel: '网上发布信息' });
lyCase.add('closed', '2024-03-06 11:00', {});

const WALKS = [
  ...walk('xuancheng-2015', xcGeneral.events, [
    ['2024-09-09 09:20', []],
    ['2024-09-09 10:30', [
      'first-report-general | pending | limit 2024-09-09 11:30',
      'investigation-report | pending | limit 2024-09-14 23:59',
      'extension-request | pending | limit 2024-09-12 23:59',
    ]],
    ['2024-09-13 17:00', [
      'first-report-general | met | limit 2024-09-09 11:30',
      'investigation-report | met | limit 2024-09-14 23:59',
      'reply-general | pending | limit 2024-09-19 23:59',
    ]],
    ['2024-09-20 09:00', [
      'first-report-general | met | limit 2024-09-09 11:30',
      'investigation-report | met | limit 2024-09-14 23:59',
      'reply-general | met | limit 2024-09-19 23:59',
    ]],
  ]),
  ...walk('xuancheng-2015', xcMajor.events, [
    ['2024-09-09 11:45', [
      'first-report-major | overdue | limit 2024-09-09 11:30 | late 15min',
      'investigation-report-legacy | pending | limit 2024-09-30 23:59',
      'extension-request | pending | limit 2024-09-12 23:59',
    ]],
    ['2024-09-27 11:00', [
      'first-report-major | met-late | limit 2024-09-09 11:30 | late 30min',
      'investigation-report-legacy | met | limit 2024-09-30 23:59',
      'reply-high-attention | pending | limit 2024-10-10 23:59',
    ]],
    ['2024-10-12 09:00', [
      'first-report-major | met-late | limit 2024-09-09 11:30 | late 30min',
      'investigation-report-legacy | met | limit 2024-09-30 23:59',
      'reply-high-attention | met-late | limit 2024-10-10 23:59 | late 600min',
    ]],
  ]),
  ...walk('xuancheng-2015', xcExtension.events, [
    ['2024-03-05 09:00', [
      'first-report-general | met | limit 2024-03-04 11:00',
      'investigation-report | pending | limit 2024-03-11 23:59',
      'extension-request | pending | limit 2024-03-07 23:59',
    ]],
    ['2024-03-12 09:00', [
      'first-report-general | met | limit 2024-03-04 11:00',
      'investigation-report | pending | limit 2024-03-20 23:59 | extended',
      'extension-request | met | limit 2024-03-07 23:59',
    ]],
    ['2024-03-15 17:00', [
      'first-report-general | met | limit 2024-03-04 11:00',
      'investigation-report | met | limit 2024-03-20 23:59 | extended',
      'extension-request | met | limit 2024-03-07 23:59',
      'reply-general | pending | limit 2024-03-20 23:59',
    ]],
  ]),
  ...walk('xuancheng-2015', xcLateExtension.events, [
    ['2024-03-08 09:00', [
      'first-report-general | met | limit 2024-03-04 11:00',
      'investigation-report | pending | limit 2024-03-11 23:59',
      'extension-request | overdue | limit 2024-03-07 23:59 | late 540min',
    ]],
    ['2024-03-08 11:00', [
      'first-report-general | met | limit 2024-03-04 11:00',
      'investigation-report | pending | limit 2024-03-11 23:59',
      'extension-request | met-late | limit 2024-03-07 23:59 | late 600min',
    ]],
  ]),
  ...walk('qinzhou-routing', qzMajor.events, [
    ['2024-05-01 07:55', []],
    ['2024-05-01 08:05', ['reply-other | pending | limit 2024-05-03 08:00']],
    ['2024-05-01 08:20', [
      'publish-facts-major-sudden | pending | limit 2024-05-01 09:00',
      'press-conference-major-casualties | pending | limit 2024-05-02 08:00',
    ]],
    ['2024-05-02 09:00', [
      'publish-facts-major-sudden | met | limit 2024-05-01 09:00',
      'press-conference-major-casualties | overdue | limit 2024-05-02 08:00 | late 60min',
    ]],
    ['2024-05-02 12:00', [
      'publish-facts-major-sudden | met | limit 2024-05-01 09:00',
      'press-conference-major-casualties | met-late | limit 2024-05-02 08:00 | late 120min',
    ]],
  ]),
  ...walk('qinzhou-routing', qzOther.events, [
    ['2024-06-04 10:00', ['reply-other | pending | limit 2024-06-05 10:00']],
    ['2024-06-05 10:00', ['reply-other | met | limit 2024-06-05 10:00']],
  ]),
  ...walk('qinzhou-routing', qzMajorNotSudden.events, [
    ['2024-06-06 10:00', ['reply-other | overdue | limit 2024-06-05 10:00 | late 1440min']],
  ]),
  ...walk('yunhe-2017', yhMajor.events, [
    ['2024-07-01 22:05', ['reply-other | pending | limit 2024-07-03 22:00']],
    ['2024-07-01 22:30', ['press-conference-major-sudden | pending | limit 2024-07-02 22:00']],
    ['2024-07-03 09:00', ['press-conference-major-sudden | met | limit 2024-07-02 22:00']],
  ]),
  ...walk('yunhe-2017', yhGeneral.events, [
    ['2024-07-01 10:30', ['reply-other | pending | limit 2024-07-03 09:00']],
    ['2024-07-03 12:30', ['reply-other | met-late | limit 2024-07-03 09:00 | late 180min']],
  ]),
  ...walk('law-enforcement-bureau', leMajor.events, [
    ['2024-03-04 10:03', []],
    ['2024-03-04 10:10', [
      'first-report-major | pending | limit 2024-03-04 10:30 | target 2024-03-04 10:20',
      'written-report-major | pending | limit 2024-03-04 11:30 | target 2024-03-04 10:40',
    ]],
    ['2024-03-04 10:22', [
      'first-report-major | pending | limit 2024-03-04 10:30 | target 2024-03-04 10:20 | target missed',
      'written-report-major | pending | limit 2024-03-04 11:30 | target 2024-03-04 10:40',
    ]],
    ['2024-03-04 11:10', [
      'first-report-major | met | limit 2024-03-04 10:30 | target 2024-03-04 10:20 | target missed',
      'written-report-major | met | limit 2024-03-04 11:30 | target 2024-03-04 10:40 | target missed',
    ]],
  ]),
  ...walk('law-enforcement-bureau', leGeneral.events, [
    ['2024-03-04 10:20', [
      'first-report-general | pending | limit 2024-03-04 11:00',
      'written-report-general | pending | limit 2024-03-04 12:00',
    ]],
    ['2024-03-04 12:10', [
      'first-report-general | met | limit 2024-03-04 11:00',
      'written-report-general | overdue | limit 2024-03-04 12:00 | late 10min',
    ]],
    ['2024-03-04 13:00', [
      'first-report-general | met | limit 2024-03-04 11:00',
      'written-report-general | met-late | limit 2024-03-04 12:00 | late 30min',
    ]],
  ]),
  ...walk('liaoyuan-emergency', lyCase.events, [
    ['2024-03-04 10:10', []],
    ['2024-03-04 12:00', []],
    ['2024-03-07 12:00', []],
  ]),
];

describe('each built-in profile walked through its procedure', () => {
  it.each(WALKS)('%s at %s', (profileId, now, events, expected) => {
    expect(deadlinesAt(events, profile(profileId), cst(now))).toEqual(expected);
  });
});

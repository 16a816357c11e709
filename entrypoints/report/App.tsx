/**
 * Printable documents: report.html#case/<id> is a case's 舆情专报,
 * report.html#day/YYYY-MM-DD the day's 舆情日志. Built from the claim log by
 * lib/report; this page only reads the log and lays the document out.
 */
import { useEffect, useState } from 'react';
import { DailyLogPage, SpecialReportPage } from '../../components/ReportPages';
import { I18nProvider } from '../../components/I18n';
import { replay, type CaseEvent } from '../../lib/cases';
import { chinaDayOf, parseChinaDay, startOfChinaDay } from '../../lib/calendar';
import { getDb } from '../../lib/db/db';
import { listAllEvents } from '../../lib/db/repos/events';
import { buildCaseView } from '../../lib/desk/case-view';
import { useCaseEvents, useSettings } from '../../lib/hooks';
import { useActiveProfile } from '../../lib/hooks/use-active-profile';
import { buildDailyLog, buildSpecialReport, specialReportText } from '../../lib/report/special-report';

function route(): { kind: 'case'; id: string } | { kind: 'day'; day: string } {
  const [kind, value] = location.hash.replace(/^#\/?/, '').split('/');
  if (kind === 'case' && value) return { kind: 'case', id: decodeURIComponent(value) };
  const day = kind === 'day' && value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaDayOf(Date.now());
  return { kind: 'day', day };
}

function CaseReport({ caseId }: { caseId: string }) {
  const events = useCaseEvents(caseId);
  const settings = useSettings();
  const policy = useActiveProfile();
  if (!events || !settings || !policy) return <p className="empty">…</p>;
  if (events.length === 0) return <p className="empty">未找到该案件</p>;
  const now = Date.now();
  const view = buildCaseView(events, policy, settings, now);
  const report = buildSpecialReport(view.state, { office: settings.department || '（未设置部门）', now, deadlines: view.deadlines, policy });
  document.title = report.title;
  return <SpecialReportPage report={report} text={specialReportText(report)} />;
}

function DayLog({ day }: { day: string }) {
  const settings = useSettings();
  const policy = useActiveProfile();
  const [events, setEvents] = useState<CaseEvent[]>();
  const dayStart = startOfChinaDay(parseChinaDay(day));
  useEffect(() => {
    void listAllEvents(getDb()).then(setEvents);
  }, []);
  if (!events || !settings || !policy) return <p className="empty">…</p>;
  const byCase = new Map<string, CaseEvent[]>();
  for (const event of events) byCase.set(event.caseId, [...(byCase.get(event.caseId) ?? []), event]);
  const states = [...byCase.values()].map((caseEvents) => replay(caseEvents.sort((a, b) => a.at - b.at)));
  const log = buildDailyLog(states, { office: settings.department || '（未设置部门）', dayStart, day, now: Date.now(), policy });
  document.title = log.title;
  return <DailyLogPage log={log} />;
}

export function App() {
  const [current, setCurrent] = useState(route);
  useEffect(() => {
    const onChange = () => setCurrent(route());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return (
    <I18nProvider locale="zh_CN">
      {current.kind === 'case' ? <CaseReport caseId={current.id} /> : <DayLog day={current.day} />}
    </I18nProvider>
  );
}

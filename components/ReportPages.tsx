/**
 * 舆情专报 and 舆情日志 as printable pages in the office document style:
 * red title and rule, issue line (报送单位 · 时间), then the sections. The
 * data comes from lib/report; this only lays it out (print with Ctrl+P).
 */
import type { DailyLog, SpecialReport } from '../lib/report/special-report';
import './report-page.css';

function Header({ title, office, issuedAt }: { title: string; office: string; issuedAt: string }) {
  return (
    <header className="doc-head">
      <h1 className="doc-red">{title}</h1>
      <p className="doc-issue">
        <span>报送单位：{office}</span>
        <span>时间：{issuedAt}</span>
      </p>
      <hr className="doc-rule" />
    </header>
  );
}

/** One case's 舆情专报. */
export function SpecialReportPage({ report, text }: { report: SpecialReport; text: string }) {
  const source = report.source;
  return (
    <article className="doc" data-testid="special-report">
      <Header title="舆情专报" office={report.office} issuedAt={report.issuedAt} />
      <h2 className="doc-title">{report.title}</h2>
      <p className="doc-to">
        主送：{report.to.join('、')}
        {report.cc.length > 0 ? `；抄送：${report.cc.join('、')}` : ''}
      </p>
      <section>
        <h3>一、来源</h3>
        <p>
          {source.site}
          {source.author ? `，发帖人${source.author}` : ''}
          {source.publishedAt ? `，发布于${source.publishedAt}` : ''}，{source.capturedAt}采集
          {source.replies !== undefined ? `，跟帖${source.replies}` : ''}
          {source.views !== undefined ? `，浏览${source.views}` : ''}。
        </p>
        <p className="doc-url">{source.url}</p>
      </section>
      <section>
        <h3>二、摘要</h3>
        <p>{report.summary}</p>
      </section>
      <section>
        <h3>三、研判</h3>
        <p>
          等级：{report.assessment.tier}；类别：{report.assessment.category}；归口：{report.assessment.department}
          {report.assessment.flags.length > 0 ? `；${report.assessment.flags.join('、')}` : ''}。
        </p>
        {report.assessment.reasons.length > 0 ? (
          <ul>
            {report.assessment.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <section>
        <h3>四、处置建议</h3>
        <ol>
          {report.proposals.map((proposal) => (
            <li key={proposal}>{proposal}</li>
          ))}
        </ol>
      </section>
      <footer className="doc-foot">依据：{report.basis}</footer>
      <details className="no-print">
        <summary>纯文本（复制到消息）</summary>
        <textarea readOnly rows={14} value={text} data-testid="special-report-text" />
      </details>
    </article>
  );
}

/** The day's 舆情日志. */
export function DailyLogPage({ log }: { log: DailyLog }) {
  return (
    <article className="doc" data-testid="daily-log">
      <Header title="舆情日志" office={log.office} issuedAt={log.issuedAt} />
      <h2 className="doc-title">{log.title}</h2>
      <p>{log.totals}</p>
      {log.entries.length > 0 ? (
        <table className="doc-table">
          <thead>
            <tr>
              <th>序号</th>
              <th>标题</th>
              <th>来源</th>
              <th>采集时间</th>
              <th>等级</th>
              <th>归口</th>
              <th>当日处置</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {log.entries.map((entry, index) => (
              <tr key={`${entry.url}-${index}`}>
                <td>{index + 1}</td>
                <td>{entry.title}</td>
                <td>{entry.site}</td>
                <td>{entry.capturedAt}</td>
                <td>{entry.tier}</td>
                <td>{entry.department}</td>
                <td>{entry.actions.join('、')}</td>
                <td>{entry.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  );
}

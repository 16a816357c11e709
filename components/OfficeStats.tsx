/** The quarterly bulletin table: claim, handling and response per department, and the text to paste. */
import { percent, type QuarterlyStats } from '../lib/report';
import { useT } from './I18n';

export function OfficeStats({ stats, bulletin }: { stats: QuarterlyStats; bulletin: string }) {
  const t = useT();
  const rows = [...stats.departments.map((d) => ({ name: d.department, ...d })), { name: t('officeTotalsRow'), ...stats.totals }];
  return (
    <>
      <table className="stats" data-testid="office-stats">
        <thead>
          <tr>
            <th>{t('officeDepartment')}</th>
            <th>{t('officeTotal')}</th>
            <th>{t('officeClaimed')}</th>
            <th>{t('officeAssigned')}</th>
            <th>{t('officeResponded')}</th>
            <th>{t('officeOnTime')}</th>
            <th>{t('officeOverdue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td>{row.name}</td>
              <td>{row.cases}</td>
              <td>{row.claimed}</td>
              <td>{row.assigned}</td>
              <td>{row.responded}</td>
              <td>{percent(row.onTimeRate)}</td>
              <td>{row.overdueSteps}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('officeBulletin')}</h2>
      <textarea readOnly value={bulletin} rows={Math.min(20, bulletin.split('\n').length + 1)} style={{ width: '100%' }} data-testid="bulletin" />
    </>
  );
}

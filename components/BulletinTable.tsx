/**
 * The bulletin table: one row per department and the office total; every
 * figure is a link to the cases behind it.
 */
import { formatDuration } from '../lib/format/duration';
import { BULLETIN_FIGURES, BULLETIN_LABELS, type DepartmentBulletin, type OfficeBulletin } from '../lib/report/office-bulletin';
import { useT } from './I18n';

export interface BulletinTableProps {
  bulletin: OfficeBulletin;
  onShowCases(caseIds: string[], label: string): void;
}

export function BulletinTable({ bulletin, onShowCases }: BulletinTableProps) {
  const t = useT();
  const rows: DepartmentBulletin[] = [...bulletin.departments, bulletin.totals];
  return (
    <table className="stats bulletin" data-testid="bulletin-table">
      <thead>
        <tr>
          <th>{t('syncDepartmentLabel')}</th>
          {BULLETIN_FIGURES.map((f) => (
            <th key={f}>{BULLETIN_LABELS[f]}</th>
          ))}
          <th>{t('syncClaimMedian')}</th>
          <th>{t('syncClaimWorst')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.department} data-department={row.department}>
            <td>{row.department}</td>
            {BULLETIN_FIGURES.map((f) => (
              <td key={f} data-figure={f}>
                {row[f].count > 0 ? (
                  <button type="button" className="link" onClick={() => onShowCases(row[f].caseIds, `${row.department} · ${BULLETIN_LABELS[f]}`)}>
                    {row[f].count}
                  </button>
                ) : (
                  0
                )}
              </td>
            ))}
            <td>{row.claimMedianMs === null ? '—' : formatDuration(row.claimMedianMs, t)}</td>
            <td>
              {row.claimWorstMs === null || !row.claimWorstCaseId ? (
                '—'
              ) : (
                <button type="button" className="link" onClick={() => onShowCases([row.claimWorstCaseId!], `${row.department} · ${t('syncClaimWorst')}`)}>
                  {formatDuration(row.claimWorstMs, t)}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * 研判改判率: how often officers changed the suggested tier and category,
 * per suggestion (lib/classify `overrideStats`). Every figure links to the
 * cases behind it, as the bulletin table's figures do; a high rate tells the
 * office which tier criteria or category keywords of its profile to revise.
 */
import type { TierId } from '../lib/cases/events';
import type { OverrideCount, OverrideStats } from '../lib/classify';
import type { MessageKey } from '../lib/i18n';
import { percent } from '../lib/report';
import { useT } from './I18n';

export interface OverrideRateTableProps {
  stats: OverrideStats;
  /** Category names by id (the active profile's); an unknown id is shown as is. */
  categoryNames: ReadonlyMap<string, string>;
  onShowCases(caseIds: string[], label: string): void;
}

interface Row {
  key: string;
  name: string;
  count: OverrideCount;
}

function RateRows({ testId, heading, rows, onShowCases }: { testId: string; heading: string; rows: Row[]; onShowCases: OverrideRateTableProps['onShowCases'] }) {
  const t = useT();
  return (
    <table className="stats" data-testid={testId}>
      <thead>
        <tr>
          <th>{heading}</th>
          <th>{t('override12_suggested')}</th>
          <th>{t('override12_overridden')}</th>
          <th>{t('override12_rate')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, name, count }) => (
          <tr key={key} data-suggestion={key}>
            <td>{name}</td>
            <td data-figure="suggested">
              <button type="button" className="link" onClick={() => onShowCases(count.caseIds, `${t('override12_title')} · ${name} · ${t('override12_suggested')}`)}>
                {count.suggested}
              </button>
            </td>
            <td data-figure="overridden">
              {count.overridden > 0 ? (
                <button type="button" className="link" onClick={() => onShowCases(count.overriddenCaseIds, `${t('override12_title')} · ${name} · ${t('override12_overridden')}`)}>
                  {count.overridden}
                </button>
              ) : (
                0
              )}
            </td>
            <td data-figure="rate">{percent(count.rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OverrideRateTable({ stats, categoryNames, onShowCases }: OverrideRateTableProps) {
  const t = useT();
  // Only suggestions that were made: a tier never suggested has no rate to show.
  const tiers: Row[] = (Object.entries(stats.byTier) as [TierId, OverrideCount][])
    .filter(([, count]) => count.suggested > 0)
    .map(([tier, count]) => ({ key: tier, name: t(`tier_${tier.replace(/-/g, '_')}` as MessageKey), count }));
  const categories: Row[] = Object.entries(stats.byCategory)
    .map(([id, count]) => ({ key: id, name: categoryNames.get(id) ?? id, count }))
    .sort((a, b) => b.count.suggested - a.count.suggested || (a.key < b.key ? -1 : 1));
  return (
    <section data-testid="override-rates">
      <h3>{t('override12_title')}</h3>
      <p className="muted">{t('override12_hint')}</p>
      {tiers.length === 0 ? (
        <p data-testid="override-none">{t('override12_none')}</p>
      ) : (
        <div className="override-rates">
          <RateRows testId="override-by-tier" heading={t('override12_byTier')} rows={tiers} onShowCases={onShowCases} />
          <RateRows testId="override-by-category" heading={t('override12_byCategory')} rows={categories} onShowCases={onShowCases} />
        </div>
      )}
      {stats.unrecorded > 0 ? <p className="muted" data-testid="override-unrecorded">{t('override12_unrecorded', stats.unrecorded)}</p> : null}
    </section>
  );
}

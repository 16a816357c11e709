/**
 * The office's case filters: department (own or claimer) and tier, the two
 * the bulletin is read by. Used by the console over imported files and over
 * a hub. Props in, the chosen filter out.
 */
import { TIER_IDS } from '../lib/cases/events';
import type { MessageKey } from '../lib/i18n';
import { useT } from './I18n';

/** A chosen filter; '' is "all". */
export interface CaseFilter {
  department: string;
  tier: string;
}

export interface CaseFiltersProps {
  departments: readonly string[];
  filter: CaseFilter;
  onFilter(filter: CaseFilter): void;
  /** Prefix of the two selects' test ids (`<prefix>department`, `<prefix>tier`). */
  testIdPrefix?: string;
  disabled?: boolean;
}

export function CaseFilters({ departments, filter, onFilter, testIdPrefix = 'filter-', disabled }: CaseFiltersProps) {
  const t = useT();
  return (
    <>
      <select
        value={filter.department}
        disabled={disabled}
        onChange={(e) => onFilter({ ...filter, department: e.target.value })}
        data-testid={`${testIdPrefix}department`}
        aria-label={t('officeDepartment')}
      >
        <option value="">{t('syncAllDepartments')}</option>
        {departments.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <select value={filter.tier} disabled={disabled} onChange={(e) => onFilter({ ...filter, tier: e.target.value })} data-testid={`${testIdPrefix}tier`}>
        <option value="">{t('syncAllTiers')}</option>
        {TIER_IDS.map((id) => (
          <option key={id} value={id}>
            {t(`tier_${id.replace(/-/g, '_')}` as MessageKey)}
          </option>
        ))}
      </select>
    </>
  );
}

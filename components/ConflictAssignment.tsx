/**
 * 指定认领 of conflicts in the office console: each case two departments
 * claimed (competing claims), with the claimants, and the office's choice of
 * the department that holds it. Assigning records an `assigned` event
 * (lib/cases: valid after a claim, it settles the claims made before it),
 * after which the case leaves this list and the conflicts.
 */
import { useState } from 'react';
import { useT } from './I18n';

/** One case to assign. */
export interface ConflictToAssign {
  caseId: string;
  title: string;
  /** Departments that claimed it, in claim order. */
  claimants: string[];
}

export interface ConflictAssignmentProps {
  conflicts: ConflictToAssign[];
  /** Every department the office knows (offered after the claimants). */
  departments: string[];
  /** Records the assignment; answers an error message, or undefined when it was recorded. */
  onAssign(caseId: string, department: string, reason: string): Promise<string | undefined>;
}

function ConflictRow({ conflict, departments, onAssign }: { conflict: ConflictToAssign } & Omit<ConflictAssignmentProps, 'conflicts'>) {
  const t = useT();
  const choices = [...conflict.claimants, ...departments.filter((d) => !conflict.claimants.includes(d))];
  const [department, setDepartment] = useState(conflict.claimants[0] ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const assign = async () => {
    setBusy(true);
    setError(await onAssign(conflict.caseId, department, reason.trim()));
    setBusy(false);
  };
  return (
    <li data-testid="conflict-row" data-case-id={conflict.caseId}>
      <strong>{conflict.title}</strong>
      <div className="muted">{t('syncAssignClaimants', conflict.claimants.join('、'))}</div>
      <div className="filters">
        <select value={department} onChange={(e) => setDepartment(e.target.value)} data-testid="assign-department" aria-label={t('syncAssignDepartment')}>
          {choices.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('syncAssignReason')}
          aria-label={t('syncAssignReason')}
          data-testid="assign-reason"
        />
        <button type="button" disabled={busy || !department} onClick={() => void assign()} data-testid="assign-button">
          {t('syncAssignButton')}
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

export function ConflictAssignment({ conflicts, departments, onAssign }: ConflictAssignmentProps) {
  const t = useT();
  if (conflicts.length === 0) return null;
  return (
    <section className="conflict-assignment" data-testid="conflict-assignment">
      <h2>{t('syncAssignTitle', conflicts.length)}</h2>
      <p className="muted">{t('syncAssignHint')}</p>
      <ul>
        {conflicts.map((conflict) => (
          <ConflictRow key={conflict.caseId} conflict={conflict} departments={departments} onAssign={onAssign} />
        ))}
      </ul>
    </section>
  );
}

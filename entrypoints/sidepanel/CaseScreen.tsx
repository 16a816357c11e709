/** One case: derives the desk's view from the log and records the officer's actions as events. */
import { CaseDetail } from '../../components/CaseDetail';
import { useT } from '../../components/I18n';
import { getDb } from '../../lib/db/db';
import { appendEvent } from '../../lib/db/repos/events';
import { verifyStoredLog } from '../../lib/db/repos/evidence-log';
import { exportEvidencePackage } from '../../lib/db/repos/evidence-package';
import { downloadBytes } from '../../lib/evidence/download';
import { buildCaseView } from '../../lib/desk/case-view';
import { newEventId } from '../../lib/desk/actions';
import type { CaseEventInput } from '../../lib/cases';
import { useCaseEvents, useNow, useSettings } from '../../lib/hooks';
import { useActiveProfile } from '../../lib/hooks/use-active-profile';
import { useEvidence } from '../../lib/hooks/use-evidence';

export function CaseScreen({ caseId, onBack }: { caseId: string; onBack(): void }) {
  const t = useT();
  const now = useNow(1000);
  const events = useCaseEvents(caseId);
  const settings = useSettings();
  const policy = useActiveProfile();
  const evidence = useEvidence(caseId);
  if (events === undefined || settings === undefined || policy === undefined) return <p className="empty">{t('loading')}</p>;
  if (events.length === 0) return <p className="empty">{t('notFound')}</p>;
  const view = buildCaseView(events, policy, settings, now);
  return (
    <CaseDetail
      state={view.state}
      events={events}
      deadlines={view.deadlines}
      {...(view.nextStep ? { nextStep: view.nextStep } : {})}
      allowed={view.allowed}
      formContext={view.form}
      {...(view.categoryName ? { categoryName: view.categoryName } : {})}
      now={now}
      {...(evidence ? { evidence } : {})}
      onBack={onBack}
      onVerify={() => verifyStoredLog(getDb(), caseId)}
      onExportPackage={async () => {
        const exported = await exportEvidencePackage(getDb(), caseId, {
          now: Date.now(),
          ...(settings.tsa?.rootPem ? { tsaRootPem: settings.tsa.rootPem } : {}),
        });
        if (!exported.ok) return exported.error.message;
        downloadBytes(exported.data.zip, exported.data.fileName, 'application/zip');
        return undefined;
      }}
      onAction={async (type, payload) => {
        if (!settings.officerName || !settings.department) return t('officerMissing');
        const input = {
          id: newEventId(),
          caseId,
          at: Date.now(),
          actor: { officer: settings.officerName, department: settings.department },
          type,
          payload,
        } as CaseEventInput;
        const result = await appendEvent(getDb(), input, { now: Date.now });
        return result.ok ? undefined : result.error.message;
      }}
    />
  );
}

/** One case: derives the desk's view from the log and records the officer's actions as events. */
import { CaseDetail } from '../../components/CaseDetail';
import { useT } from '../../components/I18n';
import { getDb } from '../../lib/db/db';
import { appendEvent } from '../../lib/db/repos/events';
import { getCase } from '../../lib/db/repos/cases';
import { verifyStoredLog } from '../../lib/db/repos/evidence-log';
import { exportEvidencePackage } from '../../lib/db/repos/evidence-package';
import { downloadBytes } from '../../lib/files/download';
import { buildCaseView } from '../../lib/desk/case-view';
import { newEventId } from '../../lib/desk/actions';
import { mergeEventOf } from '../../lib/desk/merge';
import { canQuickClaim, quickClaimEvents } from '../../lib/desk/quick-claim';
import type { CaseEventInput } from '../../lib/cases';
import { sendMessage } from '../../lib/messaging/protocol';
import { fail } from '../../lib/messaging/result';
import { useCaseEvents, useNow, useSettings } from '../../lib/hooks';
import { useActiveProfile } from '../../lib/hooks/use-active-profile';
import { useEvidence } from '../../lib/hooks/use-evidence';
import { useMergedLogs, usePossibleDuplicates } from '../../lib/hooks/use-case-group';

export function CaseScreen({ caseId, onBack, onOpenCase }: { caseId: string; onBack(): void; onOpenCase(caseId: string): void }) {
  const t = useT();
  const now = useNow(1000);
  const events = useCaseEvents(caseId);
  const mergedLogs = useMergedLogs(caseId);
  const duplicates = usePossibleDuplicates(caseId);
  const settings = useSettings();
  const policy = useActiveProfile();
  const evidence = useEvidence(caseId);
  if (events === undefined || settings === undefined || policy === undefined) return <p className="empty">{t('loading')}</p>;
  if (events.length === 0) return <p className="empty">{t('notFound')}</p>;
  const view = buildCaseView(events, policy, settings, now, mergedLogs ?? []);
  const timeline = [...events, ...(mergedLogs ?? []).flat()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const actor = { officer: settings.officerName, department: settings.department };
  return (
    <CaseDetail
      state={view.state}
      events={timeline}
      deadlines={view.deadlines}
      {...(view.nextStep ? { nextStep: view.nextStep } : {})}
      allowed={view.allowed}
      formContext={view.form}
      {...(view.categoryName ? { categoryName: view.categoryName } : {})}
      now={now}
      {...(evidence ? { evidence } : {})}
      duplicates={duplicates ?? []}
      onBack={onBack}
      {...(canQuickClaim(view.state, view.allowed, view.form)
        ? {
            onQuickClaim: async () => {
              if (!settings.officerName || !settings.department) return t('officerMissing');
              for (const input of quickClaimEvents(caseId, view.form, actor, Date.now(), newEventId)) {
                const result = await appendEvent(getDb(), input, { now: Date.now });
                if (!result.ok) return result.error.message;
              }
              return undefined;
            },
          }
        : {})}
      onOpenCase={onOpenCase}
      onRecheck={async () => {
        const answer = await sendMessage('recheckCase', { caseId }).catch((error: unknown) => fail('unavailable', String(error)));
        if (!answer.ok) return { error: answer.error.message };
        const { checked, outcomes } = answer.data;
        return { summary: t('case_recheckSummary', checked, outcomes.found, outcomes.edited, outcomes.deleted, outcomes.failed) };
      }}
      onMerge={async (otherCaseId) => {
        if (!settings.officerName || !settings.department) return t('officerMissing');
        const [self, other] = await Promise.all([getCase(getDb(), caseId), getCase(getDb(), otherCaseId)]);
        if (!self || !other) return t('notFound');
        if (self.caseId === other.caseId) return t('case_mergeSelf');
        const input = mergeEventOf(self, other, actor, Date.now(), newEventId());
        const result = await appendEvent(getDb(), input, { now: Date.now });
        if (!result.ok) return result.error.message;
        // Continue in the surviving case.
        if (input.caseId === caseId && input.type === 'merged') onOpenCase(input.payload.into);
        return undefined;
      }}
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
          actor,
          type,
          payload,
        } as CaseEventInput;
        const result = await appendEvent(getDb(), input, { now: Date.now });
        return result.ok ? undefined : result.error.message;
      }}
    />
  );
}

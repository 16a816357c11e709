/**
 * One case at the desk: what was captured (the evidence), the next step and
 * every deadline counting down, the actions the procedure allows now, and
 * the timeline of the log.
 */
import { useEffect, useState } from 'react';
import { shortcutOf } from '../lib/desk/inbox';
import { clockWarningsOf, flareUpOf, responseEffectOf, trendOf, type CaseEvent, type CaseState, type Deadline, type NextStep, type RecheckOutcome } from '../lib/cases';
import { TrendChart } from './TrendChart';
import type { DeskAction } from '../lib/desk/actions';
import { formatChinaTime } from '../lib/format/china-time';
import { ActionForm, actionLabelKey, flagLabelKey, type ActionFormContext, type ActionPayload } from './ActionForm';
import { StatusBadge, TierBadge } from './Badges';
import { Countdown } from './Countdown';
import { DeadlineList } from './DeadlineList';
import { useT } from './I18n';
import type { MessageKey } from '../lib/i18n/translate';
import { CaptureRecord } from './CaptureRecord';
import { EvidenceCheck } from './EvidenceCheck';
import type { CaptureRecord as CaptureRecordData } from '../lib/evidence/record';
import type { VerificationReport } from '../lib/evidence/verify';

export interface CaseDetailProps {
  state: CaseState;
  events: CaseEvent[];
  deadlines: Deadline[];
  nextStep?: NextStep;
  allowed: DeskAction[];
  formContext: ActionFormContext;
  categoryName?: string;
  now: number;
  onAction(action: DeskAction, payload: ActionPayload<DeskAction>): Promise<string | undefined>;
  onBack(): void;
  /**
   * 认领并研判 in one click (lib/desk/quick-claim.ts), offered on a captured
   * case with a suggestion; answers an error message or undefined. Once the
   * assessment is in, the 上报 form opens with the 舆情专报 text.
   */
  onQuickClaim?(): Promise<string | undefined>;
  /** Stored evidence (screenshots, extraction records, notes of what is missing), oldest first; a re-capture after an edit adds one. */
  evidence?: { id: string; capturedAt: number; screenshotUrl?: string; record?: CaptureRecordData; recordDigest?: string; stampedAt?: number; notes?: string[] }[];
  /** "校验": verifies this case's log and evidence. */
  onVerify?(): Promise<VerificationReport>;
  /** Exports the case's evidence package; answers an error message, or undefined when done. */
  onExportPackage?(): Promise<string | undefined>;
  /** Open cases that may be the same 舆情 (offered, never merged automatically). */
  duplicates?: { caseId: string; title: string; site: string; similarity: number }[];
  /** Merges this case and `otherCaseId` (the later one into the earlier); resolves to an error message. */
  onMerge?(otherCaseId: string): Promise<string | undefined>;
  /** Opens another case (the one this was merged into). */
  onOpenCase?(caseId: string): void;
  /** 立即复查: re-checks the case's sources now; resolves to an error message, or a summary to show. */
  onRecheck?(): Promise<{ error?: string; summary?: string }>;
}

const OUTCOME_KEYS: Record<RecheckOutcome, MessageKey> = {
  found: 'case_recheckFound',
  deleted: 'case_recheckDeleted',
  edited: 'case_recheckEdited',
  failed: 'case_recheckFailed',
};

function signed(n: number | undefined): string {
  return n === undefined ? '—' : n >= 0 ? `+${n}` : String(n);
}

/** 效果评估: growth in the 24 h before vs after the response, and a flare-up after 办结. */
function EffectView({ state }: { state: CaseState }) {
  const t = useT();
  const effect = responseEffectOf(state);
  const flare = flareUpOf(state);
  if (!effect && !flare) return null;
  return (
    <div data-testid="response-effect">
      {effect ? (
        <p>
          <strong>{t('case_effect')}</strong>{' '}
          {t('case_effectLine', signed(effect.replies.before), signed(effect.replies.after), signed(effect.views.before), signed(effect.views.after))}
          {' · '}
          {t(effect.verdict === 'calmed' ? 'case_effectCalmed' : effect.verdict === 'growing' ? 'case_effectGrowing' : 'case_effectUnknown')}
          {effect.partial ? ` ${t('case_effectPartial')}` : ''}
        </p>
      ) : null}
      {flare ? (
        <p className="notice" role="status" data-testid="flare-up">
          {t('case_flareUp', flare.replies)}
        </p>
      ) : null}
    </div>
  );
}

/** 跟踪: the latest re-check of each source post, and 立即复查. */
function Rechecks({ state, onRecheck }: { state: CaseState; onRecheck?: CaseDetailProps['onRecheck'] }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error?: string; summary?: string }>();
  const latest = new Map<string, CaseState['rechecks'][number]>();
  for (const check of state.rechecks) latest.set(check.evidenceId, check);
  const floorOf = new Map(state.evidence.map((item) => [item.evidenceId, item]));
  return (
    <section data-testid="rechecks">
      <h2>{t('case_tracking')}</h2>
      {onRecheck ? (
        <button
          type="button"
          disabled={busy}
          data-testid="recheck-now"
          onClick={() => {
            setBusy(true);
            void onRecheck().then((answer) => {
              setBusy(false);
              setMessage(answer);
            });
          }}
        >
          {busy ? t('case_rechecking') : t('case_recheckNow')}
        </button>
      ) : null}
      {message?.error ? (
        <p className="error" role="alert">
          {message.error}
        </p>
      ) : message?.summary ? (
        <p role="status">{message.summary}</p>
      ) : null}
      {latest.size === 0 ? (
        <p className="empty">{t('case_neverRechecked')}</p>
      ) : (
        <ul className="recheck-list">
          {[...latest.values()].map((check) => {
            const item = floorOf.get(check.evidenceId);
            return (
              <li key={check.evidenceId} data-testid="recheck-status" data-outcome={check.outcome}>
                <span className={`badge recheck-${check.outcome}`}>{t(OUTCOME_KEYS[check.outcome])}</span>{' '}
                {item ? `${item.siteName ?? item.site}${item.floor !== undefined ? ` · ${t('floor', item.floor)}` : ''}` : check.url}
                {' · '}
                <time>{formatChinaTime(check.at)}</time>
                {check.reason && check.outcome !== 'found' ? ` · ${check.reason}` : ''}
                {check.replies !== undefined ? ` · ${t('case_repliesNow', check.replies)}` : ''}
                {check.views !== undefined ? ` · ${t('case_viewsNow', check.views)}` : ''}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** "可能与案件 … 相同" with a one-click merge per offer. */
function DuplicateOffers({ duplicates, onMerge }: { duplicates: NonNullable<CaseDetailProps['duplicates']>; onMerge?: CaseDetailProps['onMerge'] }) {
  const t = useT();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (duplicates.length === 0) return null;
  return (
    <div className="duplicates" data-testid="duplicate-offers">
      {duplicates.map((offer) => (
        <p key={offer.caseId} className="notice" data-testid="duplicate-offer">
          {t('case_possibleDuplicate', offer.title, Math.round(offer.similarity * 100))}{' '}
          {onMerge ? (
            <button
              type="button"
              disabled={busy}
              data-testid="merge-duplicate"
              onClick={() => {
                setBusy(true);
                void onMerge(offer.caseId).then((message) => {
                  setBusy(false);
                  setError(message);
                });
              }}
            >
              {t('case_merge')}
            </button>
          ) : null}
        </p>
      ))}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The timeline's label of an event (the desk's actions, plus what happens outside the desk). */
function eventLabelKey(type: CaseEvent['type']): MessageKey {
  switch (type) {
    case 'captured':
      return 'captureButton';
    case 'evidence-added':
      return 'case_evidenceAdded';
    case 'split':
      return 'case_split';
    case 'merged':
      return 'case_merged';
    case 'rechecked':
      return 'case_rechecked';
    default:
      return actionLabelKey(type);
  }
}

/**
 * 本机时钟可能有误: the events whose times cannot be right (later than now,
 * or before the step before them). The case still moves on; the officer is
 * told so deadlines are read with care and the device clock is set right.
 */
function ClockWarnings({ caseId, events, now }: { caseId: string; events: CaseEvent[]; now: number }) {
  const t = useT();
  // The timeline may hold cases merged into this one: their histories are their own.
  const warnings = clockWarningsOf(events.filter((event) => event.caseId === caseId), now);
  if (warnings.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="clock-warning">
      <p>{t('clockWarn_title')}</p>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.eventId}>
            {warning.kind === 'future'
              ? t('clockWarn_future', t(eventLabelKey(warning.type)), formatChinaTime(warning.at))
              : t('clockWarn_beforePrevious', t(eventLabelKey(warning.type)), formatChinaTime(warning.at), formatChinaTime(warning.previousAt ?? warning.at))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The actions shown as primary buttons: the ones that move the procedure forward. */
const PRIMARY: ReadonlySet<DeskAction> = new Set(['claimed', 'assessed', 'reported', 'responded']);

export function CaseDetail(props: CaseDetailProps) {
  const { state, events, deadlines, nextStep, allowed, formContext, now } = props;
  const t = useT();
  const [open, setOpen] = useState<DeskAction>();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();
  const [quick, setQuick] = useState<{ busy: boolean; error?: string; reportNext?: boolean }>({ busy: false });
  // After 认领并研判, open 上报 as soon as the log shows the assessment (the props follow the write).
  useEffect(() => {
    if (quick.reportNext && state.tier !== undefined && allowed.includes('reported')) {
      setOpen('reported');
      setQuick({ busy: false });
    }
  }, [quick.reportNext, state.tier, allowed]);
  // c / a / r open the claim, assessment and report forms; Esc or u goes back to the inbox.
  const { onBack } = props;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const shortcut = shortcutOf(
        { key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, targetTag: target?.tagName, targetEditable: target?.isContentEditable },
        'case',
      );
      const action: DeskAction | undefined =
        shortcut === 'claim' ? 'claimed' : shortcut === 'assess' ? 'assessed' : shortcut === 'report' ? 'reported' : undefined;
      if (shortcut === 'back') onBack();
      else if (action && allowed.includes(action)) setOpen(action);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [allowed, onBack]);
  const capture = state.capture;
  const eventLabel = (id: string) => {
    const event = events.find((e) => e.id === id);
    if (!event) return undefined;
    const label = t(eventLabelKey(event.type));
    return `${label} · ${formatChinaTime(event.at)} · ${event.actor.officer}`;
  };

  return (
    <div className="detail" data-testid="case-detail" data-case-id={state.caseId}>
      <button type="button" className="link" onClick={props.onBack}>
        ← {t('back')}
      </button>
      <h1>{capture.title || capture.excerpt.slice(0, 40)}</h1>
      <p className="row-meta">
        <StatusBadge status={state.status} />
        {state.tier ? <TierBadge tier={state.tier} /> : null}
        {props.categoryName ? <span className="badge">{props.categoryName}</span> : null}
        {state.department ?? state.claimedBy ? <span>{state.department ?? state.claimedBy}</span> : null}
        {state.assigned ? <span className="badge">{t('action_assign')}</span> : null}
      </p>

      {state.mergedInto !== undefined ? (
        <p className="notice" role="status" data-testid="merged-notice">
          {t('case_mergedInto')}{' '}
          <button type="button" className="link" onClick={() => props.onOpenCase?.(state.mergedInto!)}>
            {t('case_openSurvivor')}
          </button>
        </p>
      ) : null}
      <ClockWarnings caseId={state.caseId} events={events} now={now} />
      <DuplicateOffers duplicates={props.duplicates ?? []} {...(props.onMerge ? { onMerge: props.onMerge } : {})} />

      <div className="next-step" data-testid="next-step">
        {nextStep ? (
          <>
            {t('nextStep', nextStep.label)}
            {nextStep.deadline ? (
              <>
                {' · '}
                <Countdown limit={nextStep.deadline.limit} now={now} />
              </>
            ) : null}
          </>
        ) : (
          t('noNextStep')
        )}
      </div>

      {props.onQuickClaim ? (
        <div className="quick-claim">
          <button
            type="button"
            className="primary"
            disabled={quick.busy}
            title={t('desk12_quickClaimHint')}
            onClick={async () => {
              setQuick({ busy: true });
              const error = await props.onQuickClaim!();
              setQuick(error ? { busy: false, error } : { busy: true, reportNext: true });
            }}
            data-testid="quick-claim"
          >
            {t('desk12_quickClaim')}
          </button>
          {quick.error ? (
            <p className="error" role="alert">
              {quick.error}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="actions" role="toolbar">
        {allowed.map((action) => (
          <button
            key={action}
            type="button"
            className={PRIMARY.has(action) ? 'primary' : ''}
            aria-pressed={open === action}
            onClick={() => setOpen(open === action ? undefined : action)}
            data-testid={`action-${action}`}
          >
            {t(actionLabelKey(action))}
          </button>
        ))}
      </div>
      {open ? (
        <ActionForm
          key={open}
          action={open}
          context={formContext}
          onCancel={() => setOpen(undefined)}
          onSubmit={async (payload) => {
            const error = await props.onAction(open, payload);
            if (!error) setOpen(undefined);
            return error;
          }}
        />
      ) : null}

      <p className="row-meta">
        <a href={`report.html#case/${encodeURIComponent(state.caseId)}`} target="_blank" rel="noreferrer" data-testid="open-special-report">
          {t('desk12_specialReport')}
        </a>
      </p>

      <h2>{t('deadlines')}</h2>
      <DeadlineList deadlines={deadlines} now={now} />

      {state.flags.length > 0 || state.assessmentReasons.length > 0 ? (
        <>
          <h2>{t('reasons')}</h2>
          <p>{state.flags.map((f) => t(flagLabelKey(f))).join('、')}</p>
          <ul>
            {state.assessmentReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('evidence')}</h2>
      <dl className="kv">
        <dt>{t('source')}</dt>
        <dd>
          <a href={capture.url} target="_blank" rel="noreferrer noopener">
            {capture.siteName ?? capture.site}
            {capture.floor !== undefined ? ` · ${t('floor', capture.floor)}` : ''}
          </a>
        </dd>
        {capture.author ? (
          <>
            <dt>{t('author')}</dt>
            <dd>{capture.author}</dd>
          </>
        ) : null}
        {capture.publishedAt ? (
          <>
            <dt>{t('publishedAt')}</dt>
            <dd>{capture.publishedAt.replace('T', ' ').slice(0, 16)}</dd>
          </>
        ) : null}
        <dt>{t('matchedTerms')}</dt>
        <dd className="terms">
          {capture.matchedTerms.map((term) => (
            <mark key={term}>{term}</mark>
          ))}
        </dd>
        <dt>{t('digest')}</dt>
        <dd>
          <code title={capture.digest}>{capture.digest.slice(0, 16)}…</code>
        </dd>
      </dl>
      <div className="excerpt">{capture.excerpt}</div>
      {state.sources.length > 1 ? (
        <>
          <h3>{t('case_sources', state.sources.length)}</h3>
          <ul className="sources" data-testid="case-sources">
            {state.sources.map((source) => (
              <li key={source}>
                <a href={source} target="_blank" rel="noreferrer noopener">
                  {source}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('case_evidenceItems', state.evidence.length)}</h3>
      <ol className="evidence-items" data-testid="evidence-items">
        {state.evidence.map((item) => (
          <li key={`${item.evidenceId}\n${item.digest}`} data-testid="evidence-item" data-evidence-id={item.evidenceId}>
            <a href={item.url} target="_blank" rel="noreferrer noopener">
              {item.siteName ?? item.site}
              {item.floor !== undefined ? ` · ${t('floor', item.floor)}` : ''}
            </a>
            {item.author ? ` · ${item.author}` : ''}
            {' · '}
            <time>{formatChinaTime(item.at)}</time>
            {item.origin === 'recheck' ? <span className="badge">{t('case_editedVersion')}</span> : null}
            <div className="excerpt">{item.excerpt}</div>
            <code title={item.digest}>{item.digest.slice(0, 16)}…</code>
          </li>
        ))}
      </ol>
      {props.evidence?.map((item) => (
        <div key={item.id}>
          {item.screenshotUrl ? (
            <figure className="evidence-shot">
              <img src={item.screenshotUrl} alt={t('evidenceScreenshot')} data-testid="evidence-screenshot" />
              <figcaption>
                {t('evidenceScreenshot')} · {formatChinaTime(item.capturedAt)}
              </figcaption>
            </figure>
          ) : null}
          {item.record && item.recordDigest ? (
            <CaptureRecord
              record={item.record}
              recordDigest={item.recordDigest}
              {...(item.stampedAt !== undefined ? { stampedAtChina: `${formatChinaTime(item.stampedAt, 'yyyy-MM-dd HH:mm:ss')} (UTC+8)` } : {})}
            />
          ) : null}
          {item.notes?.map((note) => (
            <p key={note} className="evidence-note muted" data-testid="evidence-note">
              {formatChinaTime(item.capturedAt)} · {note}
            </p>
          ))}
        </div>
      ))}
      <div className="actions no-print">
        {props.onExportPackage ? (
          <button
            type="button"
            disabled={exporting}
            data-testid="export-package"
            onClick={() => {
              setExporting(true);
              setExportError(undefined);
              void props.onExportPackage!()
                .then((error) => setExportError(error))
                .finally(() => setExporting(false));
            }}
          >
            {exporting ? t('package_exporting') : t('package_export')}
          </button>
        ) : null}
      </div>
      {props.onVerify ? <EvidenceCheck onVerify={props.onVerify} describeEvent={eventLabel} /> : null}
      {exportError ? <p className="error">{exportError}</p> : null}

      <Rechecks state={state} {...(props.onRecheck ? { onRecheck: props.onRecheck } : {})} />
      <h3>{t('case_trend')}</h3>
      <TrendChart trend={trendOf(state)} />
      <EffectView state={state} />

      <h2>{t('timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {events.map((event) => (
          <li key={event.id}>
            <time>{formatChinaTime(event.at)}</time>
            <strong>{t(eventLabelKey(event.type))}</strong>
            {' · '}
            {event.actor.officer}（{event.actor.department}）
          </li>
        ))}
      </ol>
    </div>
  );
}

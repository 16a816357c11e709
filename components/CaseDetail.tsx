/**
 * One case at the desk: what was captured (the evidence), the next step and
 * every deadline counting down, the actions the procedure allows now, and
 * the timeline of the log.
 */
import { Fragment, useState } from 'react';
import type { CaseEvent, CaseState, Deadline, NextStep } from '../lib/cases';
import type { DeskAction } from '../lib/desk/actions';
import { formatChinaTime } from '../lib/format/china-time';
import { ActionForm, actionLabelKey, flagLabelKey, type ActionFormContext, type ActionPayload } from './ActionForm';
import { StatusBadge, TierBadge } from './Badges';
import { Countdown } from './Countdown';
import { DeadlineList } from './DeadlineList';
import { useT } from './I18n';

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
  /** Stored evidence (screenshots), oldest first; a re-capture after an edit adds one. */
  evidence?: { id: string; capturedAt: number; screenshotUrl?: string; notes?: string[] }[];
}

/** The actions shown as primary buttons: the ones that move the procedure forward. */
const PRIMARY: ReadonlySet<DeskAction> = new Set(['claimed', 'assessed', 'reported', 'responded']);

export function CaseDetail(props: CaseDetailProps) {
  const { state, events, deadlines, nextStep, allowed, formContext, now } = props;
  const t = useT();
  const [open, setOpen] = useState<DeskAction>();
  const capture = state.capture;

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
      {props.evidence?.map((item) => (
        <Fragment key={item.id}>
          {item.screenshotUrl ? (
            <figure className="evidence-shot">
              <img src={item.screenshotUrl} alt={t('evidenceScreenshot')} data-testid="evidence-screenshot" />
              <figcaption>
                {t('evidenceScreenshot')} · {formatChinaTime(item.capturedAt)}
              </figcaption>
            </figure>
          ) : null}
          {item.notes?.map((note) => (
            <p key={note} className="evidence-note muted" data-testid="evidence-note">
              {formatChinaTime(item.capturedAt)} · {note}
            </p>
          ))}
        </Fragment>
      ))}

      <h2>{t('timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {events.map((event) => (
          <li key={event.id}>
            <time>{formatChinaTime(event.at)}</time>
            <strong>{event.type === 'captured' ? t('captureButton') : t(actionLabelKey(event.type))}</strong>
            {' · '}
            {event.actor.officer}（{event.actor.department}）
          </li>
        ))}
      </ol>
    </div>
  );
}

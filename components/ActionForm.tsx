/**
 * The form of one desk action (认领, 研判, 上报, 回应…). It only gathers the
 * payload; the parent turns it into an event and the log decides. A refused
 * event leaves the form open with the log's reason shown.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { CASE_FLAGS, TIER_IDS, type CaseEventOf, type CaseFlag, type TierId } from '../lib/cases';
import type { DeskAction } from '../lib/desk/actions';
import type { ActionChoices } from '../lib/desk/case-view';
import { parseChinaLocal } from '../lib/format/china-time';
import type { MessageKey } from '../lib/i18n';
import { useT } from './I18n';

/** What the form needs to offer sensible choices. */
export type ActionFormContext = ActionChoices;

/** A payload of the action's event. */
export type ActionPayload<A extends DeskAction> = CaseEventOf<A>['payload'];

export interface ActionFormProps {
  action: DeskAction;
  context: ActionFormContext;
  /** Resolves to an error message, or undefined when the event was stored. */
  onSubmit(payload: ActionPayload<DeskAction>): Promise<string | undefined>;
  onCancel(): void;
}

export function ActionForm({ action, context, onSubmit, onCancel }: ActionFormProps) {
  const t = useT();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fields = useFields(action, context);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const message = await onSubmit(fields.payload());
    setBusy(false);
    setError(message);
  };

  return (
    <form className="action-form" onSubmit={(e) => void submit(e)} data-testid={`form-${action}`}>
      <strong>{t(actionLabelKey(action))}</strong>
      {fields.body}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="buttons">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" disabled={busy}>
          {t('submit')}
        </button>
      </div>
    </form>
  );
}

/** The i18n key of an action's label. */
export function actionLabelKey(action: DeskAction): MessageKey {
  const keys: Record<DeskAction, MessageKey> = {
    claimed: 'action_claim',
    assigned: 'action_assign',
    assessed: 'action_assess',
    reported: 'action_report',
    'written-report': 'action_writtenReport',
    'investigation-report': 'action_investigationReport',
    'extension-requested': 'action_extensionRequest',
    'extension-granted': 'action_extensionGrant',
    responded: 'action_respond',
    'follow-up': 'action_followUp',
    closed: 'action_close',
    reopened: 'action_reopen',
    note: 'action_note',
  };
  return keys[action];
}

/** The i18n key of a case flag. */
export function flagLabelKey(flag: CaseFlag): MessageKey {
  return `flag_${flag.replace(/-/g, '_')}` as MessageKey;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label>
      {label}
      {children}
    </label>
  );
}

/** The inputs of one action and how to read them into a payload. */
function useFields(action: DeskAction, context: ActionFormContext): { body: ReactNode; payload(): ActionPayload<DeskAction> } {
  const t = useT();
  const s = context.suggestion;
  // A keyword-matched category names its responsible department; otherwise the claiming department stays.
  const [department, setDepartment] = useState(action === 'assessed' && s?.categoryMatched ? s.department : context.defaultDepartment);
  const [level, setLevel] = useState<'county' | 'city' | 'several' | 'unclear'>('city');
  const [text, setText] = useState(
    action === 'assessed' && s ? s.reasons.join('\n') : action === 'reported' ? (context.reportText ?? '') : '',
  );
  const [tier, setTier] = useState<TierId>(s?.tier ?? 'general');
  const [category, setCategory] = useState(s?.category ?? context.categories[0]?.id ?? '');
  const [flags, setFlags] = useState<CaseFlag[]>(s?.flags ?? []);
  const [criteria, setCriteria] = useState<string[]>([]);
  const [to, setTo] = useState(context.ccList.join('，'));
  const [channel, setChannel] = useState<string>(
    action === 'responded' ? (context.responseChannels[0] ?? '') : context.reportText ? 'special-report' : 'log',
  );
  const [kind, setKind] = useState<'reply' | 'publish-facts' | 'press-conference'>('reply');
  const [url, setUrl] = useState('');
  const [step, setStep] = useState<string>(
    (action === 'extension-granted' ? context.pendingExtensionSteps[0]?.step : context.extendableSteps[0]?.step) ?? 'investigation-report',
  );
  const [newLimit, setNewLimit] = useState('');
  const [result, setResult] = useState<'stable' | 'recurred'>('stable');
  const [truthful, setTruthful] = useState(false);

  const departmentInput = (
    <Field label={t('department')}>
      <input list="departments" value={department} onChange={(e) => setDepartment(e.target.value)} required name="department" />
      <datalist id="departments">
        {context.departments.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
    </Field>
  );
  const textArea = (label: string, required: boolean) => (
    <Field label={label}>
      <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} required={required} name="text" />
    </Field>
  );
  const optionalNote = text.trim() ? { note: text.trim() } : {};

  switch (action) {
    case 'claimed':
      return {
        body: (
          <>
            {departmentInput}
            <Field label={t('routingLevel')}>
              <select value={level} onChange={(e) => setLevel(e.target.value as typeof level)} name="level">
                {(['county', 'city', 'several', 'unclear'] as const).map((l) => (
                  <option key={l} value={l}>
                    {t(`level_${l}` as MessageKey)}
                  </option>
                ))}
              </select>
            </Field>
          </>
        ),
        payload: () => ({ department: department.trim(), level }),
      };
    case 'assigned':
      return {
        body: (
          <>
            {departmentInput}
            {textArea(t('reason'), false)}
          </>
        ),
        payload: () => ({ department: department.trim(), ...(text.trim() ? { reason: text.trim() } : {}) }),
      };
    case 'assessed':
      return {
        body: (
          <>
            <Field label={t('tier')}>
              <select value={tier} onChange={(e) => setTier(e.target.value as TierId)} name="tier">
                {TIER_IDS.map((id) => (
                  <option key={id} value={id}>
                    {context.tierLabels[id]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('category')}>
              <select
                value={category}
                name="category"
                onChange={(e) => {
                  setCategory(e.target.value);
                  const chosen = context.categories.find((c) => c.id === e.target.value);
                  if (chosen) setDepartment(chosen.department);
                }}
              >
                {context.categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            {departmentInput}
            <fieldset className="checks">
              <legend>{t('flags')}</legend>
              {CASE_FLAGS.map((flag) => (
                <label key={flag}>
                  <input
                    type="checkbox"
                    checked={flags.includes(flag)}
                    onChange={(e) => setFlags(e.target.checked ? [...flags, flag] : flags.filter((f) => f !== flag))}
                  />
                  {t(flagLabelKey(flag))}
                </label>
              ))}
            </fieldset>
            {context.mustRespondCriteria.length > 0 ? (
              <fieldset className="checks">
                <legend>{t('mustRespondCriteria')}</legend>
                {context.mustRespondCriteria.map((c) => (
                  <label key={c.id}>
                    <input
                      type="checkbox"
                      checked={criteria.includes(c.id)}
                      onChange={(e) => setCriteria(e.target.checked ? [...criteria, c.id] : criteria.filter((x) => x !== c.id))}
                    />
                    {c.text}
                  </label>
                ))}
              </fieldset>
            ) : null}
            {textArea(t('reasons'), false)}
          </>
        ),
        payload: () => ({
          tier,
          category,
          department: department.trim(),
          flags: criteria.length > 0 && !flags.includes('must-respond') ? [...flags, 'must-respond'] : flags,
          mustRespondCriteria: criteria,
          reasons: text.split('\n').map((r) => r.trim()).filter(Boolean),
          ...(s ? { suggested: { tier: s.tier, category: s.category, flags: s.flags } } : {}),
        }),
      };
    case 'reported':
      return {
        body: (
          <>
            <Field label={t('reportTo')}>
              <input value={to} onChange={(e) => setTo(e.target.value)} name="to" />
            </Field>
            <Field label={t('reportChannel')}>
              <select value={channel} onChange={(e) => setChannel(e.target.value)} name="channel">
                {(['oral', 'log', 'special-report', 'other'] as const).map((c) => (
                  <option key={c} value={c}>
                    {t(`reportChannel_${c.replace(/-/g, '_')}` as MessageKey)}
                  </option>
                ))}
              </select>
            </Field>
            {textArea(t('note'), false)}
          </>
        ),
        payload: () => ({
          to: to.split(/[,，、;；\s]+/).map((x) => x.trim()).filter(Boolean),
          channel: channel as 'oral' | 'log' | 'special-report' | 'other',
          ...optionalNote,
        }),
      };
    case 'written-report':
    case 'closed':
      return { body: textArea(t('note'), false), payload: () => optionalNote };
    case 'investigation-report':
      return {
        body: (
          <>
            {textArea(t('investigationSummary'), true)}
            <label className="checks">
              <input type="checkbox" checked={truthful} onChange={(e) => setTruthful(e.target.checked)} />
              {t('truthful')}
            </label>
          </>
        ),
        payload: () => ({ summary: text.trim(), truthful }),
      };
    case 'extension-requested':
    case 'extension-granted': {
      const steps = action === 'extension-granted' ? context.pendingExtensionSteps : context.extendableSteps;
      return {
        body: (
          <>
            <Field label={t('step')}>
              <select value={step} onChange={(e) => setStep(e.target.value)} name="step">
                {steps.map((s) => (
                  <option key={s.step} value={s.step}>
                    {s.label}
                  </option>
                ))}
              </select>
            </Field>
            {action === 'extension-granted' ? (
              <Field label={t('newLimit')}>
                <input type="datetime-local" value={newLimit} onChange={(e) => setNewLimit(e.target.value)} required name="newLimit" />
              </Field>
            ) : (
              textArea(t('reason'), true)
            )}
          </>
        ),
        payload: () =>
          action === 'extension-granted'
            ? { step, newLimit: parseChinaLocal(newLimit) }
            : { step, reason: text.trim() },
      };
    }
    case 'responded':
      return {
        body: (
          <>
            <Field label={t('responseKind')}>
              <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} name="kind">
                {(['reply', 'publish-facts', 'press-conference'] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(`responseKind_${k.replace(/-/g, '_')}` as MessageKey)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('channel')}>
              <input list="channels" value={channel} onChange={(e) => setChannel(e.target.value)} required name="channel" />
              <datalist id="channels">
                {context.responseChannels.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </Field>
            <Field label={t('replyUrl')}>
              <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" name="url" />
            </Field>
          </>
        ),
        payload: () => ({ kind, channel: channel.trim(), ...(url.trim() ? { url: url.trim() } : {}) }),
      };
    case 'follow-up':
      return {
        body: (
          <>
            <Field label={t('result')}>
              <select value={result} onChange={(e) => setResult(e.target.value as typeof result)} name="result">
                <option value="stable">{t('followUp_stable')}</option>
                <option value="recurred">{t('followUp_recurred')}</option>
              </select>
            </Field>
            {textArea(t('note'), false)}
          </>
        ),
        payload: () => ({ result, ...optionalNote }),
      };
    case 'reopened':
      return { body: textArea(t('reason'), true), payload: () => ({ reason: text.trim() }) };
    case 'note':
      return { body: textArea(t('note'), true), payload: () => ({ text: text.trim() }) };
  }
}

/**
 * The profile editor: copy a profile (built-in or the office's own), edit
 * tiers, categories and departments, routing, deadlines (amount, clock,
 * target and limit), patrol intervals and tier criteria in a form, and save.
 * The draft is validated whole on save: a refused draft lists every path and
 * reason and nothing is stored (the store writes one row in one transaction).
 */
import { useState, type ReactNode } from 'react';
import {
  appendAtPath,
  CLOCKS,
  CLOCK_START_EVENTS,
  copyProfile,
  readNumber,
  removeAtPath,
  ROUTING_LEVELS,
  setAtPath,
  splitWords,
  STEP_IDS,
  type DraftPath,
  type PolicyProfile,
  type ValidationError,
} from '../lib/policy';
import { useT } from './I18n';
import './profile-editor.css';

export interface ProfileEditorProps {
  profiles: PolicyProfile[];
  /** Stores the draft; resolves to the validation errors, or [] when saved. */
  onSave(draft: unknown): Promise<ValidationError[]>;
}

export function ProfileEditor({ profiles, onSave }: ProfileEditorProps) {
  const t = useT();
  const [sourceId, setSourceId] = useState(profiles[0]?.id ?? '');
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [draft, setDraft] = useState<PolicyProfile>();
  const [errors, setErrors] = useState<ValidationError[]>([]);
  const [status, setStatus] = useState('');

  const set = (path: DraftPath, value: unknown) => setDraft((d) => (d ? setAtPath(d, path, value) : d));
  const text = (path: DraftPath, value: string | undefined, name: string) => (
    <input name={name} value={value ?? ''} onChange={(e) => set(path, e.target.value)} />
  );
  const number = (path: DraftPath, value: number | undefined, name: string) => (
    <input name={name} inputMode="decimal" value={value === undefined || Number.isNaN(value) ? '' : String(value)} onChange={(e) => set(path, readNumber(e.target.value))} />
  );
  const words = (path: DraftPath, value: readonly string[], name: string) => (
    <input name={name} defaultValue={value.join('、')} onBlur={(e) => set(path, splitWords(e.target.value))} />
  );
  const select = (path: DraftPath, value: string, options: readonly string[], name: string) => (
    <select name={name} value={value} onChange={(e) => set(path, e.target.value)}>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );

  const copy = () => {
    const source = profiles.find((p) => p.id === sourceId);
    if (!source) return;
    try {
      setDraft(copyProfile(source, newId.trim(), newName.trim()));
      setErrors([]);
      setStatus('');
    } catch (error) {
      setErrors([{ path: 'id', message: (error as Error).message }]);
    }
  };

  return (
    <section className="profile-editor" data-testid="profile-editor">
      <h2>{t('desk12_profileEditor')}</h2>
      <div className="row">
        <label>
          {t('desk12_copyFrom')}
          <select value={sourceId} onChange={(e) => setSourceId(e.target.value)} name="source">
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('desk12_newId')}
          <input value={newId} onChange={(e) => setNewId(e.target.value)} name="newId" placeholder="my-office" />
        </label>
        <label>
          {t('desk12_newName')}
          <input value={newName} onChange={(e) => setNewName(e.target.value)} name="newName" />
        </label>
        <button type="button" onClick={copy} data-testid="profile-copy">
          {t('desk12_copy')}
        </button>
      </div>
      {draft ? (
        <form
          data-testid="profile-form"
          onSubmit={(e) => {
            e.preventDefault();
            void onSave(draft).then((found) => {
              setErrors(found);
              setStatus(found.length === 0 ? t('desk12_profileSaved') : '');
            });
          }}
        >
          <Section title={t('desk12_tiers')}>
            {draft.tiers.map((tier, i) => (
              <label key={tier.id}>
                {tier.id}
                {text(['tiers', i, 'label'], tier.label, `tiers.${i}.label`)}
              </label>
            ))}
          </Section>
          <Section title={t('desk12_categories')}>
            <table>
              <tbody>
                {draft.categories.map((c, i) => (
                  <tr key={i}>
                    <td>{text(['categories', i, 'id'], c.id, `categories.${i}.id`)}</td>
                    <td>{text(['categories', i, 'name'], c.name, `categories.${i}.name`)}</td>
                    <td>{words(['categories', i, 'keywords'], c.keywords, `categories.${i}.keywords`)}</td>
                    <td>{text(['categories', i, 'department'], c.department, `categories.${i}.department`)}</td>
                    <td>
                      <button type="button" onClick={() => setDraft(removeAtPath(draft, ['categories'], i))}>
                        {t('desk12_remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => setDraft(appendAtPath(draft, ['categories'], { id: '', name: '', keywords: [], department: '' }))}>
              {t('desk12_add')}
            </button>
            <label>
              {t('desk12_defaultCategory')}
              {select(['defaultCategory'], draft.defaultCategory, draft.categories.map((c) => c.id), 'defaultCategory')}
            </label>
          </Section>
          <Section title={t('desk12_routing')}>
            {draft.routing.map((r, i) => (
              <div className="row" key={i}>
                {select(['routing', i, 'level'], r.level, ROUTING_LEVELS, `routing.${i}.level`)}
                {text(['routing', i, 'when'], r.when, `routing.${i}.when`)}
                {text(['routing', i, 'responsible'], r.responsible, `routing.${i}.responsible`)}
              </div>
            ))}
          </Section>
          <Section title={t('desk12_deadlines')}>
            <table>
              <tbody>
                {draft.deadlines.map((d, i) => (
                  <tr key={i} data-testid="profile-deadline">
                    <td>{text(['deadlines', i, 'label'], d.label, `deadlines.${i}.label`)}</td>
                    <td>{select(['deadlines', i, 'step'], d.step, STEP_IDS, `deadlines.${i}.step`)}</td>
                    <td>{select(['deadlines', i, 'from'], d.from, CLOCK_START_EVENTS, `deadlines.${i}.from`)}</td>
                    <td>{select(['deadlines', i, 'clock'], d.clock, CLOCKS, `deadlines.${i}.clock`)}</td>
                    <td>
                      {t('desk12_target')}
                      {number(['deadlines', i, 'target'], d.target, `deadlines.${i}.target`)}
                    </td>
                    <td>
                      {t('desk12_limit')}
                      {number(['deadlines', i, 'limit'], d.limit, `deadlines.${i}.limit`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section title={t('desk12_patrol')}>
            {draft.patrol.intervals.map((interval, i) => (
              <label key={i}>
                {interval.when}
                {number(['patrol', 'intervals', i, 'everyMinutes'], interval.everyMinutes, `patrol.intervals.${i}.everyMinutes`)}
              </label>
            ))}
          </Section>
          <Section title={t('desk12_tierCriteria')}>
            {draft.tierCriteria.thresholds.map((rule, i) => (
              <div className="row" key={i}>
                <strong>{rule.measure}</strong>
                {rule.levels.map((level, j) => (
                  <label key={j}>
                    {draft.tiers.find((tier) => tier.id === level.tier)?.label ?? level.tier} ≥
                    {number(['tierCriteria', 'thresholds', i, 'levels', j, 'atLeast'], level.atLeast, `tierCriteria.thresholds.${i}.levels.${j}.atLeast`)}
                  </label>
                ))}
              </div>
            ))}
            {draft.tierCriteria.signals.map((signal, i) => (
              <label key={signal.id}>
                {signal.label}
                {words(['tierCriteria', 'signals', i, 'words'], signal.words, `tierCriteria.signals.${i}.words`)}
              </label>
            ))}
          </Section>
          {errors.length > 0 ? (
            <ul className="errors" role="alert" data-testid="profile-errors">
              {errors.map((error) => (
                <li key={`${error.path}:${error.message}`}>
                  <code>{error.path}</code>：{error.message}
                </li>
              ))}
            </ul>
          ) : null}
          <button type="submit" className="primary">
            {t('desk12_saveProfile')}
          </button>
          <span role="status">{status}</span>
        </form>
      ) : errors.length > 0 ? (
        <p role="alert">{errors.map((e) => `${e.path}: ${e.message}`).join('；')}</p>
      ) : null}
    </section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/**
 * The extraction record (提取笔录) of one capture, as the case page shows and
 * prints it: URL and how it was reached, title, UTC+8 time, tool, browser
 * and OS, officer and department, and every digest, original and derived apart.
 */
import { useRef } from 'react';
import type { CaptureRecord as Record } from '../lib/evidence/record';
import { useT } from './I18n';

export interface CaptureRecordProps {
  record: Record;
  /** SHA-256 of the record itself (the capture digest a trusted timestamp covers). */
  recordDigest: string;
  /** When a trusted timestamp covers this record: the TSA's time (epoch ms), as China time text. */
  stampedAtChina?: string;
}

export function CaptureRecord({ record, recordDigest, stampedAtChina }: CaptureRecordProps) {
  const t = useT();
  const section = useRef<HTMLElement>(null);
  const { original, derived } = record.digests;
  const print = () => {
    // Only this record is printed (ui.css @media print shows `.printing` alone).
    section.current?.classList.add('printing');
    window.print();
    section.current?.classList.remove('printing');
  };
  const rows: [string, string | undefined][] = [
    [t('record_url'), record.url],
    [t('record_canonical'), record.canonicalUrl !== record.url ? record.canonicalUrl : undefined],
    [t('record_access'), `${t(`record_access_${record.access.mode}`)}${record.access.referrer ? ` · ${t('record_referrer', record.access.referrer)}` : ''}`],
    [t('record_title'), record.title],
    [t('record_time'), record.capturedAtChina],
    [t('record_tool'), `${record.tool.name} ${record.tool.version}`],
    [t('record_browser'), record.environment.browser],
    [t('record_os'), record.environment.os],
    [t('record_officer'), `${record.officer}（${record.department}）`],
    [t('record_snapshot'), original.snapshot ?? t('record_none')],
    [t('record_screenshot'), original.screenshot ?? t('record_none')],
    [t('record_content'), derived.content],
    [t('record_text'), derived.text],
    [t('record_html'), derived.html],
    [t('record_digest'), recordDigest],
    [t('record_timestamp'), stampedAtChina ?? t('record_unstamped')],
  ];
  return (
    <section className="capture-record" ref={section} data-testid="capture-record">
      <h3>
        {t('record_heading')}
        <button type="button" className="link no-print" onClick={print} data-testid="print-record">
          {t('record_print')}
        </button>
      </h3>
      <dl className="kv record-kv">
        {rows.map(([label, value]) =>
          value === undefined ? null : (
            <div key={label} className="kv-row">
              <dt>{label}</dt>
              <dd>{/^[0-9a-f]{64}$/.test(value) ? <code>{value}</code> : value}</dd>
            </div>
          ),
        )}
      </dl>
      <p className="muted record-note">{t('record_note')}</p>
    </section>
  );
}

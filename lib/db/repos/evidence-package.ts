/**
 * Exporting a case's evidence package (lib/evidence/package.ts) from the
 * database: the case's events and evidence exactly as stored, the check
 * made at export, and any trusted timestamp responses.
 */
import type { AppDB } from '../app-db';
import { buildEvidencePackage, type EvidencePackage } from '../../evidence/package';
import { verifyLog } from '../../evidence/verify';
import { formatChinaTime } from '../../format/china-time';
import { fail, ok, type Result } from '../../messaging/result';
import { loadEvidenceLog } from './evidence-log';
import { getSettings } from './settings';

/** Who exports, and when (epoch ms). */
export interface ExportOptions {
  now: number;
  /** The TSA root the office configured (PEM), copied into the package for `openssl ts -verify`. */
  tsaRootPem?: string;
}

/** Builds the package of `caseId`; `not-found` when the case has no events. */
export async function exportEvidencePackage(db: AppDB, caseId: string, options: ExportOptions): Promise<Result<EvidencePackage>> {
  const [log, settings] = await Promise.all([loadEvidenceLog(db, caseId), getSettings(db)]);
  if (log.events.length === 0) return fail('not-found', `没有找到案件 ${caseId}`);
  const order = (e: Record<string, unknown>) => [Number(e.at), String(e.id)] as const;
  const events = [...log.events].sort((a, b) => {
    const [ta, ia] = order(a as Record<string, unknown>);
    const [tb, ib] = order(b as Record<string, unknown>);
    return ta - tb || ia.localeCompare(ib);
  });
  const evidence = [...log.evidence].sort((a, b) => Number(a.capturedAt) - Number(b.capturedAt) || String(a.id).localeCompare(String(b.id)));
  const first = events.find((e) => (e as { type?: string }).type === 'captured') as { payload?: { title?: string } } | undefined;
  return ok(
    buildEvidencePackage({
      caseId,
      title: first?.payload?.title ?? caseId,
      events,
      evidence: evidence.map((item) => {
        const timestamp = item.timestamp as { response?: Uint8Array } | undefined;
        return timestamp?.response ? { ...item, timestampResponse: timestamp.response } : item;
      }),
      verification: verifyLog(log),
      ...(options.tsaRootPem ? { tsaRootPem: options.tsaRootPem } : {}),
      exportedAt: options.now,
      exportedAtChina: `${formatChinaTime(options.now, 'yyyy-MM-dd HH:mm:ss')} (UTC+8)`,
      exportedBy: { officer: settings.officerName || '未填写姓名', department: settings.department || '未填写部门' },
    }),
  );
}

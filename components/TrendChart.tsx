/**
 * The trend of a case as a small inline SVG chart: replies and views over
 * time (each on its own scale, labelled with its latest value), with the
 * capture, the claim, the official response and the closing marked. Inline
 * SVG rather than a charting library: two polylines and a few lines are all
 * it draws, and the side panel stays light.
 */
import type { Trend, TrendMark } from '../lib/cases';
import { formatChinaTime } from '../lib/format/china-time';
import type { MessageKey } from '../lib/i18n/translate';
import { useT } from './I18n';

const WIDTH = 320;
const HEIGHT = 110;
const PAD = { left: 8, right: 8, top: 14, bottom: 18 };

const MARK_KEYS: Record<TrendMark['kind'], MessageKey> = {
  captured: 'case_markCaptured',
  claimed: 'case_markClaimed',
  responded: 'case_markResponded',
  closed: 'case_markClosed',
};

export function TrendChart({ trend }: { trend: Trend }) {
  const t = useT();
  const times = [...trend.points.map((p) => p.at), ...trend.marks.map((m) => m.at)];
  if (trend.points.length === 0 || times.length < 2) return <p className="empty">{t('case_trendEmpty')}</p>;
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (at: number) => PAD.left + ((at - t0) / Math.max(1, t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const line = (key: 'replies' | 'views') => {
    const series = trend.points.filter((p) => p[key] !== undefined);
    if (series.length === 0) return null;
    const values = series.map((p) => p[key]!);
    const low = Math.min(...values);
    const high = Math.max(...values);
    const y = (v: number) => PAD.top + (1 - (v - low) / Math.max(1, high - low)) * (HEIGHT - PAD.top - PAD.bottom);
    return { points: series.map((p) => `${x(p.at).toFixed(1)},${y(p[key]!).toFixed(1)}`).join(' '), latest: values[values.length - 1]! };
  };
  const replies = line('replies');
  const views = line('views');
  return (
    <figure className="trend" data-testid="trend-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={t('case_trend')}>
        {trend.marks.map((mark) => (
          <g key={`${mark.kind}-${mark.at}`} data-mark={mark.kind}>
            <line x1={x(mark.at)} x2={x(mark.at)} y1={PAD.top - 4} y2={HEIGHT - PAD.bottom} stroke="#999" strokeDasharray="3 2" />
            <text x={x(mark.at)} y={HEIGHT - 4} fontSize="9" textAnchor="middle" fill="#555">
              {t(MARK_KEYS[mark.kind])}
            </text>
          </g>
        ))}
        {views ? <polyline points={views.points} fill="none" stroke="#2d64b3" strokeWidth="1.5" /> : null}
        {replies ? <polyline points={replies.points} fill="none" stroke="#c0392b" strokeWidth="2" /> : null}
      </svg>
      <figcaption>
        {replies ? <span style={{ color: '#c0392b' }}>{t('case_repliesNow', replies.latest)}</span> : null}
        {replies && views ? ' · ' : null}
        {views ? <span style={{ color: '#2d64b3' }}>{t('case_viewsNow', views.latest)}</span> : null}
        {' · '}
        {formatChinaTime(t0)} – {formatChinaTime(t1)}
      </figcaption>
    </figure>
  );
}

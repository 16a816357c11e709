/**
 * The bulletin as a bar chart per department (Chart.js): captured, claimed
 * by itself, assigned, responded on time and late. Clicking a bar shows the
 * cases behind it.
 */
import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Title,
  Tooltip,
} from 'chart.js';
import type { BulletinFigure, DepartmentBulletin } from '../lib/report/office-bulletin';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

const SERIES: { figure: BulletinFigure; colour: string }[] = [
  { figure: 'captured', colour: '#64748b' },
  { figure: 'claimed', colour: '#2563eb' },
  { figure: 'assigned', colour: '#f59e0b' },
  { figure: 'responseOnTime', colour: '#16a34a' },
  { figure: 'responseLate', colour: '#dc2626' },
];

export interface BulletinChartProps {
  departments: DepartmentBulletin[];
  labels: Record<BulletinFigure, string>;
  title: string;
  onShowCases(caseIds: string[], label: string): void;
}

export function BulletinChart({ departments, labels, title, onShowCases }: BulletinChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const show = useRef(onShowCases);
  show.current = onShowCases;
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: departments.map((d) => d.department),
        datasets: SERIES.map(({ figure, colour }) => ({
          label: labels[figure],
          data: departments.map((d) => d[figure].count),
          backgroundColor: colour,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { title: { display: true, text: title }, legend: { position: 'bottom' } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        onClick: (_event, elements) => {
          const hit = elements[0];
          if (!hit) return;
          const department = departments[hit.index];
          const series = SERIES[hit.datasetIndex];
          if (department && series) {
            show.current(department[series.figure].caseIds, `${department.department} · ${labels[series.figure]}`);
          }
        },
      },
    });
    return () => chart.destroy();
  }, [departments, labels, title]);
  return (
    <div className="bulletin-chart" style={{ position: 'relative', height: 320 }}>
      <canvas ref={canvas} data-testid="bulletin-chart" role="img" aria-label={title} />
    </div>
  );
}

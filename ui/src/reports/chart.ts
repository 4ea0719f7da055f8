// Chart.js, tree-shaken to the bar charts the dashboard draws, and their configuration.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type TooltipItem,
} from 'chart.js';
import { formatCell } from './format';
import { FONT, PALETTE } from './palette';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
// Every label, tick, legend and tooltip in the app's font and muted text colour.
Chart.defaults.font.family = FONT;
Chart.defaults.font.size = 12;
Chart.defaults.color = PALETTE.muted;

export { Chart };

export type Dataset = { label: string; data: (number | null)[]; color: string };
export type ChartData = { labels: string[]; datasets: Dataset[] };

export type BarOptions = {
  /** Bars run left to right, categories down the side. */
  horizontal: boolean;
  /** Values are percentages (0–100). */
  percent: boolean;
};

export type BarConfig = ChartConfiguration<'bar', (number | null)[], string>;

/** A bar chart without animation (stable screenshots), with Dutch numbers. */
export function barConfig(chart: ChartData, { horizontal, percent }: BarOptions): BarConfig {
  const kind = percent ? 'percent' : 'count';
  const valueAxis = {
    beginAtZero: true,
    max: percent ? 100 : undefined,
    grid: { color: PALETTE.grid },
    border: { display: false },
    ticks: {
      precision: 0,
      callback: (v: string | number) => (percent ? `${v} %` : Number(v).toLocaleString('nl-NL')),
    },
  };
  const categoryAxis = {
    grid: { display: false },
    ticks: { autoSkip: false },
  };
  return {
    type: 'bar',
    data: {
      labels: [...chart.labels],
      datasets: chart.datasets.map((d) => ({
        label: d.label,
        data: [...d.data],
        backgroundColor: d.color,
        borderRadius: 3,
        maxBarThickness: 32,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: 'nl-NL',
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: {
          display: chart.datasets.length > 1,
          position: 'bottom',
          labels: { boxWidth: 12, boxHeight: 12 },
        },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => `${item.dataset.label ?? ''}: ${formatCell(kind, item.raw as number | null)}`,
          },
        },
      },
    },
  };
}

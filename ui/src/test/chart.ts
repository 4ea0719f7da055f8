// A stand-in for Chart.js in tests (jsdom has no canvas): `vi.mock('chart.js', () => import('../test/chart'))`.
// It records the charts made, so a test can read what each one was given.
import type { BarConfig } from '../reports/chart';

export type FakeChart = { canvas: HTMLCanvasElement; config: BarConfig; destroyed: boolean };

/** Every chart made since the last `resetCharts()`. */
export const charts: FakeChart[] = [];

export function resetCharts(): void {
  charts.length = 0;
}

/** The live chart drawn inside the element with data-testid `testid`. */
export function chartIn(testid: string): FakeChart | undefined {
  return charts.filter((c) => !c.destroyed && c.canvas.closest(`[data-testid="${testid}"]`)).at(-1);
}

export class Chart {
  static defaults = { font: {} as Record<string, unknown>, color: '' };
  static register(): void {}

  private readonly record: FakeChart;

  constructor(canvas: HTMLCanvasElement, config: BarConfig) {
    this.record = { canvas, config, destroyed: false };
    charts.push(this.record);
  }

  destroy(): void {
    this.record.destroyed = true;
  }
}

export const BarController = {};
export const BarElement = {};
export const CategoryScale = {};
export const LinearScale = {};
export const Legend = {};
export const Tooltip = {};

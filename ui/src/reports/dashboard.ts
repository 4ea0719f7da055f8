// The team dashboard: which tables it asks for, and the charts it makes of them.
import type { ReportTable } from '../api';
import { formatDate } from '../lib/format';
import { detailRows, totalRow, valueOf } from './format';
import type { ChartData } from './chart';
import { PALETTE } from './palette';

/** The tables behind the dashboard, in the order the backend answers them. */
export const DASHBOARD_REPORTS = ['team', 'tijdigheid', 'uren-per-route', 'signalen'] as const;

type Series = { title: string; color: string };

/** One bar per series for each row that is not a total, labelled by the row's first label. */
export function chartOf(table: ReportTable | undefined, series: readonly Series[]): ChartData {
  if (!table) return { labels: [], datasets: [] };
  const rows = detailRows(table);
  return {
    labels: rows.map((r) => r.labels.filter((l) => l !== '').join(' · ')),
    datasets: series.map((s) => ({
      label: s.title,
      data: rows.map((r) => valueOf(table, r, s.title)),
      color: s.color,
    })),
  };
}

/** Whether a chart has anything to show: some category with a value other than 0. */
export function hasData(chart: ChartData): boolean {
  return chart.labels.length > 0 && chart.datasets.some((d) => d.data.some((v) => v != null && v !== 0));
}

/** Caseload per consultant: open dossiers, open signals and overdue ones. */
export function teamChart(table: ReportTable | undefined): ChartData {
  return chartOf(table, [
    { title: 'Open dossiers', color: PALETTE.accent },
    { title: 'Open signalen', color: PALETTE.info },
    { title: 'Te laat', color: PALETTE.danger },
  ]);
}

/** The share of first PIPs adopted within 10 weeks, per municipality. */
export function timelinessChart(table: ReportTable | undefined): ChartData {
  return chartOf(table, [{ title: 'Aandeel binnen 10 weken', color: PALETTE.teal }]);
}

/** Running trajectories and those behind schedule, per leerroute. */
export function hoursChart(table: ReportTable | undefined): ChartData {
  return chartOf(table, [
    { title: 'Lopende trajecten', color: PALETTE.accent },
    { title: 'Achter op schema', color: PALETTE.warning },
  ]);
}

/**
 * The open signals per kind (the municipalities together), most first; kinds without any left
 * out.
 */
export function signalsChart(table: ReportTable | undefined): ChartData {
  const all = chartOf(table, [{ title: 'Totaal', color: PALETTE.info }]);
  const counts = all.datasets[0]?.data ?? [];
  const kinds = all.labels
    .map((label, i) => ({ label, count: counts[i] ?? 0 }))
    .filter((k) => k.count > 0)
    .sort((a, b) => b.count - a.count);
  return {
    labels: kinds.map((k) => k.label),
    datasets: [{ label: 'Open signalen', data: kinds.map((k) => k.count), color: PALETTE.info }],
  };
}

/** The team table's totals, for the KPI tiles. */
export function teamTotals(table: ReportTable | undefined) {
  const row = table ? totalRow(table) : null;
  const value = (title: string): number | null => (table ? valueOf(table, row, title) : null);
  return {
    openCases: value('Open dossiers'),
    openSignals: value('Open signalen'),
    overdue: value('Te laat'),
    firstPips: value("Eerste PIP's"),
    pipInTime: value('PIP binnen 10 weken'),
  };
}

/** The captions under the charts: what they count, on which day. */
export function captions(reference: string): Record<'team' | 'timeliness' | 'hours' | 'signals', string> {
  const day = formatDate(reference);
  return {
    team: `Niet-afgesloten dossiers en signalen open op ${day}; te laat: termijn verstreken of fout.`,
    timeliness: `Eerste PIP's vastgesteld tot en met ${day}, binnen 10 weken na inschrijving of kennisgeving.`,
    hours: `Lopende trajecten op ${day}; achter: onder 85 % van het geplande tempo.`,
    signals: `Signalen open op ${day}, weggelegde niet meegeteld.`,
  };
}

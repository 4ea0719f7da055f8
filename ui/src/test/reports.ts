// Test helpers for the Rapportages: report tables shaped like the backend's.
import type { CellKind, ReportTable } from '../api';

type Rows = [string[], (number | null)[]][];

export function reportTable(
  name: string,
  title: string,
  labelColumns: string[],
  columns: [string, CellKind][],
  rows: Rows,
  reference = '2025-03-14',
): ReportTable {
  return {
    name,
    title,
    note: `Telling op ${reference.split('-').reverse().join('-')}.`,
    reference_date: reference,
    label_columns: labelColumns,
    columns: columns.map(([title, kind]) => ({ title, kind })),
    rows: rows.map(([labels, values]) => ({ labels, values })),
  };
}

export function teamTable(reference = '2025-03-14'): ReportTable {
  return reportTable(
    'team',
    'Team: caseload en signalen per consulent',
    ['Consulent'],
    [
      ['Open dossiers', 'count'],
      ['Open signalen', 'count'],
      ['Te laat', 'count'],
      ["Eerste PIP's", 'count'],
      ['PIP binnen 10 weken', 'percent'],
      ['Achter op schema', 'count'],
    ],
    [
      [['Fatima de Vries'], [24, 11, 3, 5, 40, 2]],
      [['Jeroen Smit'], [18, 6, 1, 3, 33.333333, 1]],
      [['Totaal'], [42, 17, 4, 8, 37.5, 3]],
    ],
    reference,
  );
}

export function timelinessTable(reference = '2025-03-14'): ReportTable {
  return reportTable(
    'tijdigheid',
    'Tijdigheid: PIP binnen 10 weken en doorlooptijden',
    ['Gemeente'],
    [
      ["Eerste PIP's", 'count'],
      ['Binnen 10 weken', 'count'],
      ['Aandeel binnen 10 weken', 'percent'],
      ['Mediaan dagen tot intake', 'days'],
      ['Mediaan dagen tot PIP', 'days'],
    ],
    [
      [['Hillegom'], [0, 0, null, null, null]],
      [['Lisse'], [8, 3, 37.5, 41, 77]],
      [['Totaal'], [8, 3, 37.5, 41, 77]],
    ],
    reference,
  );
}

export function hoursTable(reference = '2025-03-14'): ReportTable {
  return reportTable(
    'uren-per-route',
    'Urenvoortgang per leerroute',
    ['Leerroute'],
    [
      ['Lopende trajecten', 'count'],
      ['Mediaan uren taal', 'hours'],
      ['Mediaan uren participatie', 'hours'],
      ['Achter op schema', 'count'],
      ['Aandeel achter', 'percent'],
      ['Uren-eisen gehaald', 'count'],
    ],
    [
      [['B1-route'], [12, 150.5, 20, 2, 16.7, 0]],
      [['Onderwijsroute'], [3, 80, 10, 0, 0, 0]],
      [['Z-route'], [5, 300, 120.25, 1, 20, 1]],
      [['Totaal'], [20, 150.5, 20, 3, 15, 1]],
    ],
    reference,
  );
}

export function signalsTable(reference = '2025-03-14'): ReportTable {
  return reportTable(
    'signalen',
    'Open signalen naar soort en gemeente',
    ['Signaal'],
    [
      ['Hillegom', 'count'],
      ['Lisse', 'count'],
      ['Totaal', 'count'],
    ],
    [
      [['Brede intake'], [1, 2, 3]],
      [['PIP vaststellen'], [0, 0, 0]],
      [['Geen contact'], [4, 3, 7]],
      [['Totaal'], [5, 5, 10]],
    ],
    reference,
  );
}

/** The four tables of the dashboard, in the order it asks for them. */
export function dashboardTables(reference = '2025-03-14'): ReportTable[] {
  return [teamTable(reference), timelinessTable(reference), hoursTable(reference), signalsTable(reference)];
}

/** A table with every kind of value, a subtotal and a total. */
export function milestonesTable(): ReportTable {
  return reportTable(
    'mijlpalen',
    'Bereikte facturatiemomenten per taalaanbieder en cliënt',
    ['Taalaanbieder', 'Cliënt'],
    [
      ['Bedrag', 'euro'],
      ['Aantal', 'count'],
      ['Aandeel', 'percent'],
    ],
    [
      [['Leerhuis', 'Ahmed Haddad'], [1250, 12, 37.5]],
      [['Leerhuis', 'Sara Tesfay'], [null, 3, null]],
      [['Totaal Leerhuis', ''], [1250, 15, 37.5]],
      [['Totaal', ''], [1250, 15, 37.5]],
    ],
  );
}

export function doelgroepTable(): ReportTable {
  return reportTable(
    'doelgroep',
    'Inburgeringsplichtigen naar doelgroep en gemeente',
    ['Gemeente'],
    [
      ['Asiel', 'count'],
      ['Gezin', 'count'],
      ['Totaal', 'count'],
    ],
    [
      [['Hillegom'], [4, 1, 5]],
      [['Lisse'], [10, 2, 12]],
      [['Totaal'], [14, 3, 17]],
    ],
  );
}

export const REPORT_LIST = [
  { name: 'doelgroep', title: 'Inburgeringsplichtigen naar doelgroep en gemeente' },
  { name: 'tijdigheid', title: 'Tijdigheid: PIP binnen 10 weken en doorlooptijden' },
  { name: 'mijlpalen', title: 'Bereikte facturatiemomenten per taalaanbieder en cliënt' },
];

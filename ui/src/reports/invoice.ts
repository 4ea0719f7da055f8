// The invoice check's result in words: the summary, the findings in file order, a row's finding.
import type { InvoiceCheck, InvoiceFinding, RowError } from '../api';

/** Whether the check found something wrong with the line. */
export function isFlagged(finding: InvoiceFinding): boolean {
  return finding.problems.length > 0;
}

/** The findings in the order of the file, so the list matches the invoice on paper. */
export function inFileOrder(findings: readonly InvoiceFinding[]): InvoiceFinding[] {
  return [...findings].sort((a, b) => a.line - b.line);
}

/** "12 regels gecontroleerd: 9 in orde, 3 met een bevinding; 1 afgekeurd". */
export function summaryText(check: InvoiceCheck): string {
  const checked = check.findings.length;
  const flagged = check.findings.filter(isFlagged).length;
  const rejected = check.rejected.length ? `; ${check.rejected.length} afgekeurd` : '';
  if (checked === 0) return `Geen regels gecontroleerd${rejected}`;
  const lines = checked === 1 ? '1 regel' : `${checked} regels`;
  return `${lines} gecontroleerd: ${checked - flagged} in orde, ${flagged} met een bevinding${rejected}`;
}

/** The backend's finding as a sentence: "In orde", "Bedrag € 1.213,52 wijkt af van …". */
export function findingText(finding: InvoiceFinding): string {
  const m = finding.message;
  return m.charAt(0).toUpperCase() + m.slice(1);
}

/** "Regel 4, kolom amount: geen bedrag"; "Regel 4: …" when the row as a whole is wrong. */
export function rejectedText(row: RowError): string {
  const column = row.column ? `, kolom ${row.column}` : '';
  return `Regel ${row.line}${column}: ${row.message}`;
}

/** The file's text; a file that is not UTF-8 (an Excel "CSV" in Windows-1252) is refused
 * rather than read with its accents replaced. */
export async function readUtf8(file: File): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw {
      code: 'validation',
      message: `${file.name} is geen UTF-8; sla het op als "CSV UTF-8" en kies het opnieuw`,
      fields: [],
    };
  }
}

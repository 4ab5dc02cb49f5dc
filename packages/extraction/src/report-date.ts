// The date a report's specimen was taken (or, failing that, the report's own date): what orders
// a patient's reports in time. Labels are data, most telling first; the first label that has a
// parseable date wins.
import type { Evidence, ReportText } from './types.js';

interface DateLabelRule {
  id: string;
  label: RegExp;
}

/** Collection beats receipt beats report/sign-out: a later sign-out of an old specimen is still old tissue. */
export const DATE_LABEL_RULES: readonly DateLabelRule[] = [
  { id: 'date.procedure', label: /\b(?:date\s+of\s+(?:procedure|collection|surgery|biopsy)|(?:procedure|collection|surgery)\s+date|date\s+(?:collected|obtained|taken)|collected(?:\s+on)?)\s*[:\-]?\s*/gi },
  { id: 'date.received', label: /\b(?:date\s+received|received(?:\s+on)?|accessioned)\s*[:\-]?\s*/gi },
  { id: 'date.signed', label: /\b(?:electronically\s+)?signed\s+by\b[^\n]{0,60}?\bon\s+/gi },
  { id: 'date.report', label: /\b(?:date\s+of\s+report|report\s+date|date\s+reported|signed\s+out(?:\s+on)?|sign[- ]out\s+date|final(?:ized)?\s+on)\s*[:\-]?\s*/gi },
];

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Date shapes labs print; US order for numeric dates (month/day/year). */
const DATE_SHAPES: readonly { re: RegExp; parse: (m: RegExpExecArray) => [number, number, number] }[] = [
  { re: /^(\d{4})-(\d{1,2})-(\d{1,2})/, parse: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/, parse: (m) => [year(m[3]!), +m[1]!, +m[2]!] },
  { re: /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})/, parse: (m) => [+m[3]!, MONTHS[m[1]!.slice(0, 4).toLowerCase()] ?? MONTHS[m[1]!.slice(0, 3).toLowerCase()] ?? 0, +m[2]!] },
  { re: /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/, parse: (m) => [+m[3]!, MONTHS[m[2]!.slice(0, 4).toLowerCase()] ?? MONTHS[m[2]!.slice(0, 3).toLowerCase()] ?? 0, +m[1]!] },
];

function year(y: string): number {
  const n = +y;
  return y.length === 4 ? n : n >= 70 ? 1900 + n : 2000 + n;
}

function toIso([y, m, d]: [number, number, number]): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 31 February and the like
  return date.toISOString().slice(0, 10);
}

export interface ReportDate {
  /** ISO date, YYYY-MM-DD. */
  value: string;
  evidence: Evidence;
}

export function reportDate(doc: ReportText): ReportDate | null {
  for (const rule of DATE_LABEL_RULES) {
    for (let p = 0; p < doc.pages.length; p++) {
      const text = doc.pages[p]!;
      rule.label.lastIndex = 0;
      for (let m = rule.label.exec(text); m; m = rule.label.exec(text)) {
        const at = m.index + m[0].length;
        const rest = text.slice(at, at + 40);
        for (const shape of DATE_SHAPES) {
          const d = shape.re.exec(rest);
          const iso = d && toIso(shape.parse(d));
          if (d && iso) {
            return { value: iso, evidence: { text: text.slice(m.index, at + d[0].length), page: p + 1, start: m.index, end: at + d[0].length, ruleId: rule.id } };
          }
        }
      }
    }
  }
  return null;
}

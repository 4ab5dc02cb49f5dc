// Discordance: a marker whose result class differs between reports of different dates (biopsy vs
// resection, primary vs recurrence). The latest report stays current; the change is flagged for a
// navigator and both values stay in history. Same-date differences are conflicts (facts.ts).
import type { Discordance } from '@onco/contract';
import type { Doc, DocPick } from './types.js';
import { DISCORDANCE_MARKERS } from './tables/review.js';
import { HER2_NEGATIVE_CATEGORIES } from './tables/her2.js';
import { her2, receptorStatus, type Lookup } from './derive.js';
import { classOf } from './values.js';

type Marker = (typeof DISCORDANCE_MARKERS)[number];

function classInDocument(m: Marker, get: Lookup, withCategories: boolean): string | null {
  switch (m.kind) {
    case 'receptor': {
      const s = receptorStatus(get, m.marker as 'er' | 'pr')?.value ?? null;
      return s === 'equivocal' ? null : s;
    }
    case 'her2': {
      const h = her2(get, withCategories);
      const c = h.category?.value ?? h.status?.value ?? null;
      return c === 'equivocal' ? null : c;
    }
    case 'mmr': {
      const vals = m.fields.map((f) => get(f)?.value);
      if (vals.includes('lost')) return 'deficient';
      return vals.every((v) => v === 'intact') ? 'proficient' : null;
    }
    case 'field':
      return classOf(m.fields[0]!, get(m.fields[0]!)?.value);
  }
}

/**
 * Same answer for treatment: HER2 "negative" (ISH only) agrees with low/ultralow/zero; ER/PR
 * positive and low positive are both positive (>= 1%, ASCO/CAP 2020), as a bare "positive" may be
 * either. Only a change across the positive/negative boundary is a receptor discordance.
 */
function compatible(marker: string, a: string, b: string): boolean {
  if (a === b) return true;
  const neg = HER2_NEGATIVE_CATEGORIES as readonly string[];
  if (marker === 'her2') return (a === 'negative' && neg.includes(b)) || (b === 'negative' && neg.includes(a));
  const pos = ['positive', 'low_positive'];
  return (marker === 'er' || marker === 'pr') && pos.includes(a) && pos.includes(b);
}

export function findDiscordances(docs: Doc[], picks: Map<string, DocPick[]>, cancerType: string | null): Discordance[] {
  const at = new Map<string, Map<string, DocPick>>();
  for (const [field, ps] of picks) at.set(field, new Map(ps.map((p) => [p.doc.id, p])));
  const withCategories = cancerType === 'breast' || cancerType == null;
  const out: Discordance[] = [];
  for (const m of DISCORDANCE_MARKERS) {
    const seen: { doc: Doc; cls: string }[] = [];
    for (const doc of docs) {
      const get: Lookup = (f) => {
        const p = at.get(f)?.get(doc.id);
        return p ? { value: p.value, order: doc.order } : null;
      };
      const cls = classInDocument(m, get, withCategories);
      if (cls != null) seen.push({ doc, cls });
    }
    const last = seen.at(-1);
    if (!last) continue;
    const from = seen.slice(0, -1).reverse().find((s) => s.doc.dateKey !== last.doc.dateKey && !compatible(m.marker, s.cls, last.cls));
    if (!from) continue;
    const side = (s: { doc: Doc; cls: string }) => {
      const p = m.fields.map((f) => at.get(f)?.get(s.doc.id)).find((x) => x != null);
      return { documentId: s.doc.id, documentDate: s.doc.reportDate, specimen: p?.finding.specimen ?? null, value: s.cls };
    };
    out.push({
      marker: m.marker,
      factKeys: m.fields.filter((f) => at.get(f)?.has(last.doc.id) || at.get(f)?.has(from.doc.id)),
      from: side(from),
      to: side(last),
      rule: `discordance.${m.kind}: result class changed between reports of different dates; the latest is current`,
      source: m.source,
    });
  }
  return out;
}

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
    case 'field': {
      const v = get(m.fields[0]!);
      return v ? classOf(m.fields[0]!, v.value) : null;
    }
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

type Index = Map<string, Map<string, DocPick>>;
const index = (picks: Map<string, DocPick[]>): Index => new Map([...picks].map(([field, ps]) => [field, new Map(ps.map((p) => [p.doc.id, p]))]));

/**
 * Compares each marker's class across snapshots in time: per report, the results it quotes from an
 * earlier specimen (prior), then its own. Two snapshots are different specimens when their report
 * dates differ or one is a quoted earlier specimen.
 */
export function findDiscordances(docs: Doc[], picks: Map<string, DocPick[]>, priorPicks: Map<string, DocPick[]>, cancerType: string | null): Discordance[] {
  const main = index(picks);
  const prior = index(priorPicks);
  const snapshots = docs.flatMap((doc) => [{ doc, at: prior, prior: true }, { doc, at: main, prior: false }]);
  const withCategories = cancerType === 'breast' || cancerType == null;
  const out: Discordance[] = [];
  for (const m of DISCORDANCE_MARKERS) {
    const seen: { snap: (typeof snapshots)[number]; cls: string }[] = [];
    for (const snap of snapshots) {
      const get: Lookup = (f) => {
        const p = snap.at.get(f)?.get(snap.doc.id);
        return p ? { value: p.value, order: snap.doc.order } : null;
      };
      const cls = classInDocument(m, get, withCategories);
      if (cls != null) seen.push({ snap, cls });
    }
    const last = seen.at(-1);
    if (!last) continue;
    const otherSpecimen = (x: (typeof seen)[number]) => x.snap.doc.dateKey !== last.snap.doc.dateKey || x.snap.prior !== last.snap.prior;
    const from = seen.slice(0, -1).reverse().find((x) => otherSpecimen(x) && !compatible(m.marker, x.cls, last.cls));
    if (!from) continue;
    const fieldsIn = (x: (typeof seen)[number]) => m.fields.filter((f) => x.snap.at.get(f)?.has(x.snap.doc.id));
    const side = (x: (typeof seen)[number]) => {
      const p = x.snap.at.get(fieldsIn(x)[0]!)?.get(x.snap.doc.id);
      // A quoted earlier specimen has no date of its own in the report we read.
      return { documentId: x.snap.doc.id, documentDate: x.snap.prior ? null : x.snap.doc.reportDate, specimen: p?.finding.specimen ?? null, value: x.cls };
    };
    out.push({
      marker: m.marker,
      factKeys: [...new Set([...fieldsIn(last), ...fieldsIn(from)])].sort((a, b) => m.fields.indexOf(a as never) - m.fields.indexOf(b as never)),
      from: side(from),
      to: side(last),
      rule: `discordance.${m.kind}: result class changed between specimens (different report dates, or an earlier specimen quoted); the latest is current`,
      source: m.source,
    });
  }
  return out;
}

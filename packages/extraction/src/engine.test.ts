import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from './index.js';
import { type Compiled, compile, run } from './engine.js';
import { RULES } from './rules/index.js';
import { defineTargets } from './rules/types.js';

describe('evidence', () => {
  const pages = ['Page one text.\nER: Positive (90%)', 'ADDENDUM\nHER2 (4B5): 3+\nPart A: left breast'];
  const r = extractReport({ pages });
  it('every evidence matches its page slice', () => {
    for (const f of r.findings) expect(pages[f.evidence.page - 1]!.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.text);
  });
  it('carries the page number', () => expect(r.findings.find((f) => f.field === 'her2_ihc')!.evidence.page).toBe(2));
  it('carries the rule id', () => expect(r.findings.find((f) => f.field === 'her2_ihc')!.evidence.ruleId).toBe('her2.ihc.plus'));
  it('marks addendum findings', () => expect(r.findings.find((f) => f.field === 'her2_ihc')!.addendum).toBe(true));
});

describe('specimens and addenda', () => {
  const text = 'A. Left breast, lumpectomy: invasive ductal carcinoma. ER: positive (90%).\nB. Right breast, excision: benign. \n';
  it('assigns a finding to its part', () => expect(extractReport({ pages: [text] }).findings.find((f) => f.field === 'er_status')!.specimen).toBe('A'));
  it('an addendum supersedes the original result', () => {
    const s = extractReport({ pages: ['HER2 FISH: equivocal.\nADDENDUM\nHER2 FISH (repeat): amplified.'] }).summary;
    expect(s.her2.ish).toBe('amplified');
  });
  it('a report that states nothing gives nulls', () => expect(extractReport({ pages: [''] }).summary.er.status).toBeNull());
});

describe('rule tables', () => {
  it('reject unknown keys', () => expect(() => defineTargets([{ id: 'x', field: 'ki67', pattern: 'x', value: 1, colour: 'red' } as never])).toThrow(/unknown key/));
  it('reject capturing groups in anchors', () => expect(() => compile({ families: [{ id: 'f', anchors: [{ id: 'a', pattern: '(x)' }], values: [] }], targets: [], cues: [], uncheckedOption: '☐', checkedOption: '☒', sectionHeading: 'comment' })).toThrow(/non-capturing/));
});

describe('speed-ups change nothing', () => {
  const dir = new URL('../../../fixtures/reports/', import.meta.url);
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const c = compile(RULES);
  /** Documents on which a variant of the compiled rules gives other findings than the full one. */
  const differing = (variant: Compiled, docs: string[][]) => docs.filter((pages) => JSON.stringify(run(c, { pages })) !== JSON.stringify(run(variant, { pages })));

  it('keyword gating gives the same findings as running every rule, on the corpus', () => {
    const ungated = { ...c, anchorRes: c.anchorRes.map((a) => ({ ...a, keywords: null })), targets: c.targets.map((t) => ({ ...t, keywords: null })) };
    expect(differing(ungated, texts.map((t) => t.split('\f')))).toEqual([]);
  });
  it('scans at candidate positions give the same findings as plain regex scans, on the corpus', () => {
    const plain = {
      ...c,
      anchorRes: c.anchorRes.map((a) => ({ ...a, scan: null })),
      targets: c.targets.map((t) => ({ ...t, scan: null })),
      cues: c.cues.map((q) => ({ ...q, scan: null })),
      families: new Map([...c.families].map(([id, f]) => [id, { ...f, any: null, anyBefore: null }])),
    };
    // Each report alone, and all of them as one long report (names, values and targets far apart).
    expect(differing(plain, [...texts.map((t) => t.split('\f')), [texts.join('\n\n')]])).toEqual([]);
  });
});

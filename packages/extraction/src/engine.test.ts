import { describe, expect, it } from 'vitest';
import { extractReport } from './index.js';
import { compile } from './engine.js';
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
  it('keyword gating gives the same findings as running every rule, on the corpus', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const { RULES } = await import('./rules/index.js');
    const { run } = await import('./engine.js');
    const dir = fileURLToPath(new URL('../../../fixtures/reports/', import.meta.url));
    const c = compile(RULES);
    const ungated = { ...c, anchorRes: c.anchorRes.map((a) => ({ ...a, keywords: null })), targets: c.targets.map((t) => ({ ...t, keywords: null })) };
    const differ = readdirSync(dir).filter((f) => f.endsWith('.txt')).filter((f) => {
      const pages = readFileSync(dir + f, 'utf8').split('\f');
      return JSON.stringify(run(c, { pages })) !== JSON.stringify(run(ungated, { pages }));
    });
    expect(differ).toEqual([]);
  });
  it('scans at candidate positions give the same findings as plain regex scans, on the corpus', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const { RULES } = await import('./rules/index.js');
    const { run } = await import('./engine.js');
    const dir = fileURLToPath(new URL('../../../fixtures/reports/', import.meta.url));
    const c = compile(RULES);
    const plain = {
      ...c,
      anchorRes: c.anchorRes.map((a) => ({ ...a, scan: null })),
      targets: c.targets.map((t) => ({ ...t, scan: null })),
      cues: c.cues.map((q) => ({ ...q, scan: null })),
      families: new Map([...c.families].map(([id, f]) => [id, { ...f, any: null, anyBefore: null }])),
    };
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(dir + f, 'utf8'));
    // Each report alone, and all of them as one long report (names, values and targets far apart).
    const differ = [...texts.map((t) => t.split('\f')), [texts.join('\n\n')]].filter((pages) => JSON.stringify(run(c, { pages })) !== JSON.stringify(run(plain, { pages })));
    expect(differ).toEqual([]);
  });
});

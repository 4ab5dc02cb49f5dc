// Corpus scoring shared by eval.ts and the corpus test. Reads fixtures/reports/NAME.txt
// (pages split on form feed) and NAME.expected.json { summary, fields }.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport, summarize, type Finding, type Summary, FIELDS } from '../src/index.js';
import { fieldValue } from '../src/summary.js';

export const SUMMARY_KEYS = [
  'cancerType', 'histology', 'grade', 'er.status', 'er.percent', 'pr.status', 'pr.percent',
  'her2.ihc', 'her2.ish', 'her2.status', 'her2.category', 'ki67', 'tnm.prefix', 'tnm.t', 'tnm.n', 'tnm.m',
  'stage.group', 'stage.edition',
] as const;
/** Finding fields scored directly (the rest are covered by the summary keys). */
export const FINDING_KEYS = FIELDS.filter((f) => ![
  'cancer_type', 'histology', 'grade', 'er_status', 'er_percent', 'pr_status', 'pr_percent', 'her2_ihc', 'her2_ish',
  'her2_status', 'ki67', 'tnm_t', 'tnm_n', 'tnm_m', 'stage_group', 'ajcc_edition', 'her2_category',
].includes(f));

export interface Expected { summary: Partial<Record<string, unknown>>; fields?: Record<string, unknown> }
export interface Case { name: string; pages: string[]; expected: Expected }

export function loadCorpus(dir: string): Case[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const name = f.slice(0, -4);
    const pages = readFileSync(join(dir, f), 'utf8').split('\f');
    const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
    return { name, pages, expected };
  });
}

function get(o: unknown, path: string): unknown {
  let cur = o;
  for (const k of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur ?? null;
}

/** The value the system reports for a non-summary field: the best affirmed finding. */
export function findingValue(findings: Finding[], field: string): unknown {
  return fieldValue(findings, field as Finding['field']);
}

export interface Score { tp: number; fp: number; fn: number }
export interface CaseError { name: string; key: string; expected: unknown; got: unknown }

const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function scoreCorpus(cases: Case[]) {
  const scores = new Map<string, Score>();
  const errors: CaseError[] = [];
  const add = (key: string, exp: unknown, got: unknown, name: string) => {
    const s = scores.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    scores.set(key, s);
    if (exp == null && got == null) return;
    if (exp != null && got != null && eq(exp, got)) { s.tp++; return; }
    if (got != null) s.fp++;
    if (exp != null) s.fn++;
    errors.push({ name, key, expected: exp, got });
  };
  for (const c of cases) {
    const { summary, findings } = extractReport({ pages: c.pages });
    for (const k of SUMMARY_KEYS) add(k, get(c.expected.summary, k), get(summary, k), c.name);
    for (const k of FINDING_KEYS) add(k, c.expected.fields?.[k] ?? null, findingValue(findings, k), c.name);
  }
  const rows = [...scores].map(([key, s]) => {
    const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    return { key, ...s, precision: p, recall: r, f1 };
  });
  return { rows, errors };
}

export { summarize };
export type { Summary };

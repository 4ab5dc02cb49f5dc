// OCR evaluation on scanned-style pages (fixtures/scans, made by fixtures/scans/generate.ts from text
// reports): character error rate per degradation kind, and extraction agreement between each scanned
// page and its source text (the text version is the reference: F1 of the scanned values per field).
// Run: npx tsx packages/document-reader/eval/eval-ocr.ts [--model fast|4.0.0|4.0.0_best_int] [--kind noise,...]
// Prints metrics only, never document text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FIELDS, extractReport, fieldValue, type ExtractionResult } from '@onco/extraction';
import { characterErrorRate } from '../src/accuracy.js';
import { DocumentReader, splitTextPages, type OcrModel } from '../src/index.js';

interface ScanEntry {
  file: string;
  kind: string;
  source: string;
  dpi: number;
  rotation: number;
}

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const scansDir = `${repo}fixtures/scans/`;
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const model = arg('--model') as OcrModel | undefined;
const kinds = arg('--kind')?.split(',');

const manifest = JSON.parse(readFileSync(`${scansDir}manifest.json`, 'utf8')) as { entries: ScanEntry[] };
const entries = manifest.entries.filter((e) => !kinds || kinds.includes(e.kind));

/** Summary and findings of one extraction, flattened to comparable field -> value strings. */
function flatten(r: ExtractionResult): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const s = r.summary;
  const put = (k: string, v: unknown) => out.set(k, v === null || v === undefined ? null : JSON.stringify(v));
  put('summary.cancerType', s.cancerType);
  put('summary.histology', s.histology);
  put('summary.grade', s.grade);
  for (const rec of ['er', 'pr'] as const) {
    put(`summary.${rec}.status`, s[rec].status);
    put(`summary.${rec}.percent`, s[rec].percent);
  }
  for (const k of ['ihc', 'ish', 'status', 'category'] as const) put(`summary.her2.${k}`, s.her2[k]);
  put('summary.ki67', s.ki67);
  for (const k of ['prefix', 't', 'n', 'm'] as const) put(`summary.tnm.${k}`, s.tnm[k]);
  put('summary.stage.group', s.stage.group);
  put('summary.stage.edition', s.stage.edition);
  for (const f of FIELDS) put(`findings.${f}`, fieldValue(r.findings, f));
  return out;
}

const t0 = performance.now();
const reader = await DocumentReader.create({ warm: true, ...(model ? { ocrModel: model } : {}) });
const results: { e: ScanEntry; cer: { errors: number; length: number }; fields: Map<string, [string | null, string | null]>; ms: number; conf: number }[] = [];
// Two documents at a time: the pool is shared, as in the worker.
let next = 0;
async function lane(): Promise<void> {
  while (next < entries.length) {
    const e = entries[next++]!;
    const text = readFileSync(`${repo}${e.source}`, 'utf8');
    const start = performance.now();
    const read = await reader.read(readFileSync(`${scansDir}${e.file}`)).catch((err: unknown) => {
      console.log(`FAILED ${e.file}: ${(err as { code?: string }).code ?? String(err)}`);
      return { pages: [] as { text: string; confidence: number | null }[] };
    });
    const ms = performance.now() - start;
    const ocrText = read.pages.map((p) => p.text).join('\n');
    const cer = characterErrorRate(ocrText, text);
    const ref = flatten(extractReport({ pages: splitTextPages(text) }));
    const got = flatten(extractReport({ pages: read.pages.map((p) => p.text) }));
    const fields = new Map<string, [string | null, string | null]>();
    for (const [k, v] of ref) fields.set(k, [v, got.get(k) ?? null]);
    results.push({ e, cer, fields, ms, conf: read.pages[0]?.confidence ?? 0 });
  }
}
await Promise.all([lane(), lane()]);
await reader.close();

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
console.log(`model ${model ?? 'default'}, ${results.length} scanned pages, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log('\nCharacter error rate per kind (edit distance / reference length, whitespace-normalised)');
console.log(`${'kind'.padEnd(9)} ${'pages'.padStart(5)} ${'CER'.padStart(7)} ${'worst'.padStart(7)} ${'mean ms'.padStart(8)}  dpi`);
const kindsSeen = [...new Set(results.map((r) => r.e.kind))];
let cer300Ok = true;
for (const k of kindsSeen) {
  const rs = results.filter((r) => r.e.kind === k);
  const errors = rs.reduce((a, r) => a + r.cer.errors, 0);
  const length = rs.reduce((a, r) => a + r.cer.length, 0);
  const worst = Math.max(...rs.map((r) => r.cer.errors / Math.max(1, r.cer.length)));
  const dpi = rs[0]!.e.dpi || 'photo';
  const cer = errors / length;
  if (rs[0]!.e.dpi === 300 && cer >= 0.02) cer300Ok = false;
  console.log(`${k.padEnd(9)} ${String(rs.length).padStart(5)} ${pct(cer).padStart(7)} ${pct(worst).padStart(7)} ${String(Math.round(rs.reduce((a, r) => a + r.ms, 0) / rs.length)).padStart(8)}  ${dpi}`);
}

console.log('\nExtraction on scanned pages vs the same text (reference): F1 per field; text version F1 = 1.000 by definition');
console.log(`${'field'.padEnd(26)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)} ${'F1 scan'.padStart(8)} ${'F1 text'.padStart(8)} ${'loss'.padStart(6)}  worst kind`);
const keys = [...(results[0]?.fields.keys() ?? [])];
let f1Ok = true;
for (const key of keys) {
  const score = (rs: typeof results) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rs) {
      const [ref, got] = r.fields.get(key)!;
      if (ref !== null && got === ref) tp++;
      else {
        if (got !== null) fp++;
        if (ref !== null) fn++;
      }
    }
    return { tp, fp, fn, f1: tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn) };
  };
  const all = score(results);
  if (all.tp + all.fp + all.fn === 0) continue;
  let worst = { kind: '-', f1: 1 };
  for (const k of kindsSeen) {
    const s = score(results.filter((r) => r.e.kind === k));
    if (s.f1 < worst.f1) worst = { kind: k, f1: s.f1 };
  }
  const loss = 1 - all.f1;
  if (loss > 0.02) f1Ok = false;
  console.log(
    `${key.padEnd(26)} ${String(all.tp).padStart(4)} ${String(all.fp).padStart(4)} ${String(all.fn).padStart(4)} ${all.f1.toFixed(3).padStart(8)} ${'1.000'.padStart(8)} ${loss.toFixed(3).padStart(6)}${loss > 0.02 ? ' !' : '  '} ${worst.kind === '-' ? '' : `${worst.kind} ${worst.f1.toFixed(3)}`}`,
  );
}
if (process.argv.includes('--misses')) {
  // Which page and field disagree (values are field values, not document text).
  for (const r of results) for (const [k, [ref, got]] of r.fields) if (ref !== got) console.log(`MISS ${r.e.file} ${k} ref=${ref} got=${got}`);
}
console.log(`\nbars: CER < 2% on 300 dpi kinds: ${cer300Ok ? 'pass' : 'FAIL'}; F1 loss <= 0.02 on every field: ${f1Ok ? 'pass' : 'FAIL'}`);

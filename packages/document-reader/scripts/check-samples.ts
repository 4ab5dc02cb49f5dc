// Reads every sample fixture through DocumentReader and reports timing, key strings and OCR accuracy.
// Run: npx tsx packages/document-reader/scripts/check-samples.ts [file ...]
// Prints only metrics, never document text (fixtures are fictional, but keep the habit).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DocumentReader } from '../src/index.js';
import { characterAccuracy, normaliseForCompare } from '../src/accuracy.js';

const dir = fileURLToPath(new URL('../../../fixtures/samples/', import.meta.url));
const truth = readFileSync(dir + 'breast-report.txt', 'utf8');
const expected = JSON.parse(readFileSync(dir + 'expected.json', 'utf8')) as { mustContain: string[] };
const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [
  'breast-report.txt',
  'breast-report.pdf',
  'breast-report-scanned.pdf',
  'breast-report-photo.jpg',
  'breast-report-photo-exif6.jpg',
  'breast-report-fax.tif',
];

const t0 = performance.now();
const reader = await DocumentReader.create({ ocrWorkers: Number(process.env.OCR_WORKERS ?? 0) || undefined });
for (const f of files) {
  const start = performance.now();
  const res = await reader.read(readFileSync(dir + f));
  const ms = Math.round(performance.now() - start);
  const reportPage = res.pages.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const text = normaliseForCompare(reportPage.text);
  const missing = expected.mustContain.filter((s) => !text.includes(normaliseForCompare(s)));
  const acc = characterAccuracy(reportPage.text, truth);
  console.log(
    `${f}: ${ms} ms, ${res.pages.length} page(s), sources=${res.pages.map((p) => p.source).join('/')}, ` +
      `conf=${res.pages.map((p) => p.confidence ?? '-').join('/')}, charAcc=${(acc * 100).toFixed(1)}%, ` +
      `missing=[${missing.join(', ')}]`,
  );
}
await reader.close();
console.log(`total ${Math.round(performance.now() - t0)} ms`);

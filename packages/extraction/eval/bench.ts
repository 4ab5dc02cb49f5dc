// Throughput on one core: reports per second for ~5 KB reports.
// usage: npx tsx packages/extraction/eval/bench.ts
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');

function load(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** Concatenates texts into reports of about `size` characters. */
function toSize(texts: string[], size: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (let round = 0; out.length < 200 && round < 50; round++) {
    for (const t of texts) {
      cur += t + '\n\n';
      if (cur.length >= size) { out.push(cur.slice(0, size)); cur = ''; }
    }
  }
  return out;
}

function bench(label: string, reports: string[], seconds = 3): void {
  if (!reports.length) return;
  for (let i = 0; i < 50; i++) extractReport({ pages: [reports[i % reports.length]!] }); // warm-up
  const bytes = reports.reduce((a, r) => a + r.length, 0) / reports.length;
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    extractReport({ pages: [reports[n % reports.length]!] });
    n++;
    if (n % 50 === 0) elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  // Wall clock, and per CPU-second of this process (the same on an idle machine; steadier when other work shares the cores).
  console.log(`${label.padEnd(34)} ${String(reports.length).padStart(4)} distinct, avg ${(bytes / 1024).toFixed(1)} KB: ${(n / elapsed).toFixed(0).padStart(6)} reports/s, ${((n * bytes) / elapsed / 1e6).toFixed(2)} MB/s, ${((elapsed / n) * 1000).toFixed(3)} ms/report; ${(n / cpu).toFixed(0).padStart(6)} reports per CPU-second`);
}

const corpus = load(join(repoRoot, 'fixtures/reports'));
bench('corpus reports as written', corpus);
bench('corpus concatenated to 5 KB', toSize(corpus, 5 * 1024));
const tcga = load(join(resolve(process.env.TCGA_DIR ?? join(repoRoot, '../shared/data/tcga-brca-dev')), 'txt'));
if (tcga.length) {
  bench('TCGA dev reports as written', tcga);
  bench('TCGA dev concatenated to 5 KB', toSize(tcga, 5 * 1024));
} else console.log('TCGA dev set not found; skipped.');

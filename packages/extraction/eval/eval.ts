// Prints precision/recall/F1 per field over fixtures/reports, then runs the TCGA-BRCA dev scorer.
// usage: npx tsx packages/extraction/eval/eval.ts [--errors]   (env TCGA_DIR overrides the data dir)
import { writeFileSync, readdirSync, readFileSync, existsSync, mkdtempSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../src/index.js';
import { loadCorpus, scoreCorpus } from './corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const showErrors = process.argv.includes('--errors');

const cases = loadCorpus(join(repoRoot, 'fixtures/reports'));
const { rows, errors } = scoreCorpus(cases);
console.log(`corpus: ${cases.length} reports`);
console.log(`${'field'.padEnd(18)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'f1'.padStart(6)}`);
for (const r of rows) {
  if (r.tp + r.fp + r.fn === 0) continue;
  console.log(`${r.key.padEnd(18)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)} ${r.precision.toFixed(3).padStart(6)} ${r.recall.toFixed(3).padStart(6)} ${r.f1.toFixed(3).padStart(6)}${r.f1 < 0.98 ? '  < 0.98' : ''}`);
}
if (showErrors) for (const e of errors) console.log('CORPUS-ERR', e.name, e.key, 'expected', JSON.stringify(e.expected), 'got', JSON.stringify(e.got));

const tcga = resolve(process.env.TCGA_DIR ?? join(repoRoot, '../shared/data/tcga-brca-dev'));
const txtDir = join(tcga, 'txt');
if (!existsSync(txtDir) || !existsSync(join(tcga, 'labels.tsv'))) {
  console.log(`\nTCGA dev set not found at ${tcga} (set TCGA_DIR); skipped.`);
} else {
  const out = join(mkdtempSync(join(tmpdir(), 'onco-eval-')), 'summaries.jsonl');
  const lines: string[] = [];
  for (const f of readdirSync(txtDir).filter((x) => x.endsWith('.txt')).sort()) {
    const pages = readFileSync(join(txtDir, f), 'utf8').split('\f');
    lines.push(JSON.stringify({ file: f, summary: extractReport({ pages }).summary }));
  }
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`\nTCGA-BRCA dev (${lines.length} reports), score.py:`);
  const args = [join(tcga, 'score.py'), join(tcga, 'labels.tsv'), txtDir, out, ...(showErrors ? ['--errors'] : [])];
  const r = spawnSync('python3', args, { encoding: 'utf8' });
  process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
}

import { readFileSync } from 'node:fs';
import { extractReport, fieldValue } from '../src/index.js';
const name = process.argv[2]!;
const pages = readFileSync(`/work/main/fixtures/reports/${name}.txt`, 'utf8').split('\f');
const r = extractReport({ pages });
console.log(JSON.stringify(r.summary));
for (const f of ['laterality', 'tumor_size', 'nodes_positive', 'nodes_examined', 'margins', 'lvi', 'her2_ratio', 'her2_copy_number', 'er_intensity', 'er_allred', 'pr_allred', 'nottingham_score'] as const) { const v = fieldValue(r.findings, f); if (v != null) console.log(' ', f, JSON.stringify(v)); }

// Writes NAME.expected.json from the current output, with a note; used only after checking the output by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { extractReport, fieldValue } from '../src/index.js';
const [name, note] = [process.argv[2]!, process.argv[3]!];
const pages = readFileSync(`/work/main/fixtures/reports/${name}.txt`, 'utf8').split('\f');
const r = extractReport({ pages });
const fields: Record<string, unknown> = {};
for (const f of ['laterality', 'tumor_size', 'nodes_positive', 'nodes_examined', 'margins', 'her2_ratio', 'er_allred'] as const) { const v = fieldValue(r.findings, f); if (v != null) fields[f] = v; }
writeFileSync(`/work/main/fixtures/reports/${name}.expected.json`, JSON.stringify({ note, summary: r.summary, fields }, null, 2) + '\n');

import { readFileSync, readdirSync } from 'node:fs';
import { extractReport, summarize } from '../src/index.js';
import { T } from '../src/engine.js';
const dir = '/work/main/fixtures/reports/';
const texts = readdirSync(dir).filter(f => f.endsWith('.txt')).sort().map(f => readFileSync(dir + f, 'utf8'));
let big = ''; const docs: string[] = [];
for (let r = 0; docs.length < 200 && r < 50; r++) for (const t of texts) { big += t + '\n\n'; if (big.length >= 5120) { docs.push(big.slice(0, 5120)); big = ''; } }
for (let i = 0; i < 300; i++) extractReport({ pages: [docs[i % docs.length]!] });
for (const k of Object.keys(T)) T[k] = 0;
let n = 0; let sum = 0; const t0 = performance.now();
while (performance.now() - t0 < 3000) { const r = extractReport({ pages: [docs[n % docs.length]!] }); const s0 = performance.now(); summarize(r.findings); sum += performance.now() - s0; n++; }
const tot = performance.now() - t0;
for (const [k, v] of Object.entries(T)) console.log(k.padEnd(10), (v / n * 1000).toFixed(0), 'us');
console.log('summary', (sum / n * 1000).toFixed(0), 'us;', 'total', (tot / n * 1000).toFixed(0), 'us/report (incl. an extra summarize)');

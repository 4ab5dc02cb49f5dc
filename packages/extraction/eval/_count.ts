import { readFileSync, readdirSync } from 'node:fs';
import { extractReport } from '../src/index.js';
const dir = '/work/main/fixtures/reports/';
const texts = readdirSync(dir).filter(f => f.endsWith('.txt')).map(f => readFileSync(dir + f, 'utf8'));
let big = ''; const docs: string[] = [];
for (let r = 0; docs.length < 200 && r < 50; r++) for (const t of texts) { big += t + '\n\n'; if (big.length >= 5120) { docs.push(big.slice(0, 5120)); big = ''; } }
const by = new Map<string, number>(); let n = 0;
for (const d of docs) for (const f of extractReport({ pages: [d] }).findings) { n++; by.set(f.evidence.ruleId, (by.get(f.evidence.ruleId) ?? 0) + 1); }
console.log('findings/doc', (n / docs.length).toFixed(1));
console.log([...by].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k}:${(v / docs.length).toFixed(1)}`).join(' '));

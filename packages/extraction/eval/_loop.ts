import { readFileSync, readdirSync } from 'node:fs';
import { extractReport } from '/work/main/packages/extraction/src/index.js';
const dir = '/work/main/fixtures/reports/';
const texts = readdirSync(dir).filter(f => f.endsWith('.txt')).map(f => readFileSync(dir + f, 'utf8'));
let big = ''; const docs: string[] = [];
for (let r = 0; docs.length < 200 && r < 50; r++) for (const t of texts) { big += t + '\n\n'; if (big.length >= 5120) { docs.push(big.slice(0, 5120)); big = ''; } }
const t0 = performance.now(); const c0 = process.cpuUsage(); let n = 0;
while (performance.now() - t0 < 4000) { extractReport({ pages: [docs[n % docs.length]!] }); n++; }
const cu = process.cpuUsage(c0); console.log((n / 4).toFixed(0), 'reports/s wall', (n / ((cu.user + cu.system) / 1e6)).toFixed(0), 'reports/s cpu');

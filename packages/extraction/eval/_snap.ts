import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extractReport } from '../src/index.js';
const out: string[] = [];
for (const dir of ['/work/main/fixtures/reports/', '/work/shared/data/tcga-brca-dev/txt/'])
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) out.push(f + ' ' + JSON.stringify(extractReport({ pages: readFileSync(dir + f, 'utf8').split('\f') })));
writeFileSync(process.argv[2]!, out.join('\n'));

import { readFileSync, readdirSync } from 'node:fs';
import { compile, run } from '../src/engine.js';
import { RULES } from '../src/rules/index.js';
const c = compile(RULES);
const ungated = { ...c, anchorRes: c.anchorRes.map((a) => ({ ...a, keywords: null })), targets: c.targets.map((t) => ({ ...t, keywords: null })) };
let diff = 0, n = 0;
for (const dir of ['/work/main/fixtures/reports/', '/work/shared/data/tcga-brca-dev/txt/']) {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const pages = readFileSync(dir + f, 'utf8').split('\f');
    const a = JSON.stringify(run(c, { pages })); const b = JSON.stringify(run(ungated, { pages }));
    n++; if (a !== b) { diff++; console.log('DIFF', f); }
  }
}
console.log(n, 'reports', diff, 'differ');

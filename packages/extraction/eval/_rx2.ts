import { readFileSync, readdirSync } from 'node:fs';
import { compile } from '../src/engine.js';
import { RULES } from '../src/rules/index.js';
const dir = '/work/main/fixtures/reports/';
const texts = readdirSync(dir).filter(f => f.endsWith('.txt')).map(f => readFileSync(dir + f, 'utf8'));
let big = ''; const docs: string[] = [];
for (let r = 0; docs.length < 200 && r < 50; r++) for (const t of texts) { big += t + '\n\n'; if (big.length >= 5120) { docs.push(big.slice(0, 5120)); big = ''; } }
const c = compile(RULES);
function time(label: string, f: (d: string) => number) {
  for (const d of docs) f(d);
  const t0 = performance.now(); let n = 0;
  for (let k = 0; k < 5; k++) for (const d of docs) n += f(d);
  console.log(label.padEnd(40), ((performance.now() - t0) / (5 * docs.length) * 1000).toFixed(1), 'us', n);
}
const scan = (re: RegExp) => (d: string) => { let n = 0; re.lastIndex = 0; for (let m = re.exec(d); m; m = re.exec(d)) n++; return n; };
const hist = c.targets.find(t => t.alts[0]!.rules[0]!.id === 'histology.mixed')!;
for (let i = 0; i < 2; i++) {
time('hist', scan(hist.re));
time('hist \\b-gated', scan(new RegExp('(?<![A-Za-z])(?=[A-Za-z])(?:' + hist.re.source + ')', hist.re.flags)));
time('hist \\b-gated-2', scan(new RegExp('\\b(?:' + hist.re.source + ')', hist.re.flags)));
time('hist kw lookahead', scan(new RegExp('(?=[^\\n]{0,80}(?:carcinoma|mesothelioma|idc|ilc|dcis|lcis|ller))(?:' + hist.re.source + ')', hist.re.flags)));
const a = c.anchorRes[0]!.re;
time('anchor', scan(a));
time('anchor \\b', scan(new RegExp('\\b(?:' + a.source + ')', a.flags)));
}

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
  console.log(label, ((performance.now() - t0) / (5 * docs.length) * 1000).toFixed(1), 'us', n);
}
const scan = (re: RegExp) => (d: string) => { let n = 0; re.lastIndex = 0; for (let m = re.exec(d); m; m = re.exec(d)) n++; return n; };
const hist = c.targets.find(t => t.alts[0]!.rules[0]!.id === 'histology.mixed')!;
const site = c.targets.find(t => t.alts[0]!.rules[0]!.id === 'site.breast.strong')!;
time('hist', scan(hist.re));
time('site', scan(site.re));
const histNoNames = new RegExp(hist.re.source.replace(/\(\?<__a\d+>/g, '(?:').replace(/\(\?<(\w+)>/g, '(?:'), hist.re.flags);
time('hist no named groups', scan(histNoNames));
time('hist with lookahead gate', scan(new RegExp('(?=[a-z])(?:' + hist.re.source + ')', hist.re.flags)));
const siteNo = new RegExp(site.re.source.replace(/\(\?<__a\d+>/g, '(?:').replace(/\(\?<(\w+)>/g, '(?:'), site.re.flags);
time('site no named', scan(siteNo));
time('lower', (d) => d.toLowerCase().length);
time('kw', (d) => { const l = d.toLowerCase(); let n = 0; for (let i = l.indexOf('carcinoma'); i >= 0; i = l.indexOf('carcinoma', i + 1)) n++; return n; });
for (const a of c.anchorRes) time('anchor ' + a.re.flags, scan(a.re));
const strip = (re: RegExp) => new RegExp(re.source.replace(/\\b/g, ''), re.flags);
time('hist no \\b', scan(strip(hist.re)));
time('site no \\b', scan(strip(site.re)));
time('anchor no \\b', scan(strip(c.anchorRes[0]!.re)));
// literal-first gate: require a letter that begins some alternative
const firsts = 'abcdefghijklmnopqrstuvwxyz';
time('anchor gi, ascii-lower text', scan(c.anchorRes[0]!.re));
const src = c.anchorRes[0]!.re.source;
time('anchor as (?:..) w/o i flag on lowercased', (d) => { const l = d.toLowerCase(); const re = new RegExp(src.replace(/\((?!\?)/g, '(?:'), 'g'); let n=0; for (let m = re.exec(l); m; m = re.exec(l)) n++; return n; });
{
  const { HER2_FAMILIES } = await import('../src/rules/her2.js');
  const { RECEPTOR_FAMILIES } = await import('../src/rules/receptors.js');
  const { BIOMARKER_FAMILIES } = await import('../src/rules/biomarkers.js');
  const mk = (fams: any[]) => new RegExp(fams.flatMap((f: any) => f.anchors.filter((a: any) => !a.caseSensitive).map((a: any) => `(${a.pattern})`)).join('|'), 'gi');
  time('anchors her2 only', scan(mk(HER2_FAMILIES)));
  time('anchors receptors only', scan(mk(RECEPTOR_FAMILIES)));
  time('anchors biomarkers only', scan(mk(BIOMARKER_FAMILIES)));
  for (const f of HER2_FAMILIES) time('  her2 fam ' + f.id, scan(mk([f])));
}

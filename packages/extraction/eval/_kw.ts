import { readFileSync, readdirSync } from 'node:fs';
import { compile } from '../src/engine.js';
import { RULES } from '../src/rules/index.js';
const dir = '/work/main/fixtures/reports/';
const texts = readdirSync(dir).filter(f => f.endsWith('.txt')).map(f => readFileSync(dir + f, 'utf8'));
let big = ''; const docs: string[] = [];
for (let r = 0; docs.length < 200 && r < 50; r++) for (const t of texts) { big += t + '\n\n'; if (big.length >= 5120) { docs.push(big.slice(0, 5120)); big = ''; } }
const c = compile(RULES);
const kws = [...new Set([...c.targets.flatMap(t => t.keywords ?? []), ...c.anchorRes.flatMap(a => a.keywords ?? [])])];
console.log(kws.length, 'keywords');
function time(label: string, f: (d: string) => number) {
  for (const d of docs) f(d);
  const t0 = performance.now(); let n = 0;
  for (let k = 0; k < 5; k++) for (const d of docs) n += f(d);
  console.log(label.padEnd(40), ((performance.now() - t0) / (5 * docs.length) * 1000).toFixed(1), 'us', n);
}
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const sorted = [...kws].sort((a, b) => b.length - a.length);
const alt = new RegExp(sorted.map(esc).join('|'), 'g');
const look = new RegExp(`(?=(${sorted.map(esc).join('|')}))`, 'g');
time('includes', (d) => { const l = d.toLowerCase(); let n = 0; for (const k of kws) if (l.includes(k)) n++; return n; });
time('alt regex', (d) => { const l = d.toLowerCase(); const s = new Set<string>(); alt.lastIndex = 0; for (let m = alt.exec(l); m; m = alt.exec(l)) s.add(m[0]); return s.size; });
time('lookahead regex', (d) => { const l = d.toLowerCase(); const s = new Set<string>(); look.lastIndex = 0; for (let m = look.exec(l); m; m = look.exec(l)) { s.add(m[1]!); look.lastIndex++; } return s.size; });
time('alt regex i on raw', (d) => { const re = new RegExp(alt.source, 'gi'); const s = new Set<string>(); for (let m = re.exec(d); m; m = re.exec(d)) s.add(m[0].toLowerCase()); return s.size; });
const miss = new Map<string, number>();
for (const d of docs) { const l = d.toLowerCase(); const s = new Set<string>(); alt.lastIndex = 0; for (let m = alt.exec(l); m; m = alt.exec(l)) s.add(m[0]); for (const k of kws) if (l.includes(k) && !s.has(k)) miss.set(k, (miss.get(k) ?? 0) + 1); }
console.log([...miss]);
{
  const { keywordsPresentForTest } = { keywordsPresentForTest: null as any };
}

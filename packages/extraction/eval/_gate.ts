import { compile } from '../src/engine.js';
import { RULES } from '../src/rules/index.js';
const c = compile(RULES);
for (const a of c.anchorRes) console.log('anchor', a.re.source.startsWith('\\b(?:'), a.refs.map(r => r.id).join(',').slice(0, 80));
for (const t of c.targets) console.log('target', t.re.source.startsWith('\\b(?:'), t.alts.map(a => a.rules[0]!.id).join(',').slice(0, 80));
for (const q of c.cues) console.log('cue', q.re.source.startsWith('\\b(?:'), q.cue.id);


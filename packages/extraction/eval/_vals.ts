import { compile } from '../src/engine.js';
import { RULES } from '../src/rules/index.js';
const c = compile(RULES);
for (const f of c.families.values()) for (const v of [...f.values, ...f.before]) if (!v.re.source.startsWith('\\b(?:')) console.log(f.fam.id, v.rule.id, v.rule.pattern.slice(0, 70));
for (const f of c.families.values()) if (f.skip && !f.skip.source.startsWith('\\b(?:')) console.log('skip', f.fam.id);

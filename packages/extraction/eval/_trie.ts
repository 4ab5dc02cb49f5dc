import { compile } from '../src/engine.js';
import { RULES } from '../src/rules/index.js';
const c = compile(RULES);
console.log(c.keywords.re.source.slice(0, 300));

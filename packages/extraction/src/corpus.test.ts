// Runs the fixture corpus and holds every field to F1 >= 0.98.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { loadCorpus, scoreCorpus } from '../eval/corpus.js';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/reports');
const cases = loadCorpus(dir);

describe('fixture corpus', () => {
  it('has at least 60 reports', () => expect(cases.length).toBeGreaterThanOrEqual(60));
  const { rows, errors } = scoreCorpus(cases);
  for (const r of rows) {
    if (r.tp + r.fp + r.fn === 0) continue;
    it(`${r.key} F1 >= 0.98`, () => {
      const misses = errors.filter((e) => e.key === r.key).map((e) => `${e.name}: expected ${JSON.stringify(e.expected)} got ${JSON.stringify(e.got)}`);
      expect(r.f1, misses.join('\n')).toBeGreaterThanOrEqual(0.98);
    });
  }
});

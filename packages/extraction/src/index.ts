// @onco/extraction: pages of report text in, findings with evidence and a summary out. Pure.
import type { ExtractionResult, Finding, ReportText } from './types.js';
import { compile, run } from './engine.js';
import { RULES } from './rules/index.js';
import { summarize } from './summary.js';

export * from './types.js';
export { summarize, fieldValue } from './summary.js';

// Compiled once at module load.
const COMPILED = compile(RULES);

/** Extracts every finding (with evidence, specimen and context) and the summary. */
export function extractReport(doc: ReportText): ExtractionResult {
  const findings: Finding[] = run(COMPILED, doc);
  return { summary: summarize(findings), findings };
}
export { reportDate, DATE_LABEL_RULES, type ReportDate } from './report-date.js';

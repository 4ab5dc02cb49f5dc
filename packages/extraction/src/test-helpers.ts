// Test helpers: one sentence in, one value out.
import { extractReport, fieldValue, type FieldName, type Finding, type Summary } from './index.js';

export const summaryOf = (text: string): Summary => extractReport({ pages: [text] }).summary;
export const valueOf = (text: string, field: FieldName): unknown => fieldValue(extractReport({ pages: [text] }).findings, field);
export const findingsOf = (text: string, field: FieldName): Finding[] => extractReport({ pages: [text] }).findings.filter((f) => f.field === field);
export const contextOf = (text: string, field: FieldName) => findingsOf(text, field)[0]?.context ?? null;
export const findingOf = (text: string, field: FieldName): Finding | null => findingsOf(text, field)[0] ?? null;

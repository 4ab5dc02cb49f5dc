// A realistic breast profile as @onco/profile builds it: core biopsy (receptors, HER2 IHC 2+,
// Ki-67), then the excision with the reflex HER2 ISH and pathologic staging. Checked against
// ProfileSchema so it cannot drift from the contract.
import { ProfileSchema, type FactValue, type Profile, type ProfileFact } from '@onco/contract';

export const BIOPSY_ID = '3f0c1a6e-8b1d-4c4e-9a57-0d2f6b7c9e11';
export const EXCISION_ID = 'a9e4d2b0-5c3f-4e8a-b1d6-7f2c0e9a4b33';

const BIOPSY = { id: BIOPSY_ID, date: '2024-03-02' };
const EXCISION = { id: EXCISION_ID, date: '2024-04-15' };

let offset = 100;
function fv(doc: { id: string; date: string }, value: FactValue['value'], text: string, ruleId: string, extra: Partial<FactValue> = {}): FactValue {
  const start = (offset += 57);
  return {
    value,
    raw: text,
    documentId: doc.id,
    documentDate: doc.date,
    specimen: null,
    context: 'affirmed',
    confidence: 0.95,
    addendum: false,
    priorSpecimen: false,
    evidence: { text, page: 1, start, end: start + text.length, ruleId },
    source: 'extraction',
    ...extra,
  };
}

function fact(key: string, v: FactValue, extra: Partial<ProfileFact> = {}): [string, ProfileFact] {
  return [key, { key, current: v, history: [v], pending: false, discordant: false, conflict: false, needsReview: false, ...extra }];
}

/** The evidence texts of the sample, to check they reach the bundle. */
export const EVIDENCE = {
  er: 'Estrogen receptor (ER): POSITIVE, 95% of tumor cells, strong intensity',
  her2Ihc: 'HER2 (4B5) by immunohistochemistry: EQUIVOCAL (Score 2+)',
  her2Ish: 'HER2 gene amplification by ISH: NOT AMPLIFIED',
  ki67: 'Ki-67 (MIB-1): 20%',
} as const;

export function sampleBreastProfile(overrides: Partial<Profile> = {}): Profile {
  const facts = Object.fromEntries([
    fact('cancer_type', fv(BIOPSY, 'breast', 'carcinoma of the left breast', 'site.breast.strong', { confidence: 3 })),
    fact('histology', fv(BIOPSY, 'invasive ductal carcinoma', 'Invasive ductal carcinoma', 'histology.idc')),
    fact('laterality', fv(BIOPSY, 'left', 'left breast', 'laterality.organ', { confidence: 0.8 })),
    fact('grade', fv(BIOPSY, '2', 'Nottingham histologic grade: 2', 'grade.named')),
    fact('er_status', fv(BIOPSY, 'positive', 'POSITIVE', 'er.status.pos', { evidence: { text: EVIDENCE.er, page: 2, start: 812, end: 812 + EVIDENCE.er.length, ruleId: 'er.status.pos' } })),
    fact('er_percent', fv(BIOPSY, 95, '95%', 'er.percent')),
    fact('pr_status', fv(BIOPSY, 'positive', 'POSITIVE', 'pr.status.pos')),
    fact('pr_percent', fv(BIOPSY, 40, '40%', 'pr.percent')),
    fact('her2_ihc', fv(BIOPSY, '2+', '2+', 'her2.ihc.paren', { evidence: { text: EVIDENCE.her2Ihc, page: 2, start: 990, end: 990 + EVIDENCE.her2Ihc.length, ruleId: 'her2.ihc.paren' } })),
    fact('ki67', fv(BIOPSY, 20, '20%', 'ki67.percent', { evidence: { text: EVIDENCE.ki67, page: 2, start: 1104, end: 1104 + EVIDENCE.ki67.length, ruleId: 'ki67.percent' } })),
    fact('her2_ish', fv(EXCISION, 'not_amplified', 'NOT AMPLIFIED', 'her2.ish.not_amplified', { addendum: true, specimen: 'A', evidence: { text: EVIDENCE.her2Ish, page: 3, start: 140, end: 140 + EVIDENCE.her2Ish.length, ruleId: 'her2.ish.not_amplified' } })),
    fact('her2_ratio', fv(EXCISION, 1.4, '1.4', 'her2.ratio.value', { addendum: true, specimen: 'A' })),
    fact('her2_copy_number', fv(EXCISION, 3.1, '3.1', 'her2.copy.value', { addendum: true, specimen: 'A' })),
    fact('tnm_t', fv(EXCISION, { prefix: 'p', category: 'T2' }, 'pT2', 'tnm.compact.t')),
    fact('tnm_n', fv(EXCISION, { prefix: 'p', category: 'N1a' }, 'pN1a', 'tnm.compact.n')),
    fact('tnm_m', fv(EXCISION, { prefix: 'c', category: 'M0' }, 'cM0', 'tnm.m.alone', { confidence: 0.85 })),
    fact('stage_group', fv(EXCISION, 'IIB', 'Stage IIB', 'stage.group', { confidence: 0.9 })),
    fact('ajcc_edition', fv(EXCISION, '8th', 'AJCC 8th edition', 'stage.edition')),
    fact('nodes_positive', fv(EXCISION, 2, '2/3 sentinel lymph nodes', 'nodes.ratio.positive', { confidence: 0.8 })),
    fact('tumor_size', fv(EXCISION, 23, '2.3 cm', 'size.labelled', { confidence: 0.9 })),
  ]);
  const her2 = { value: 'negative', rule: 'her2.ihc2_ish_negative', source: 'ASCO/CAP HER2 testing in breast cancer, 2023 update (Wolff et al., JCO 2023)', from: ['her2_ihc', 'her2_ish'], note: 'ISH from a later report resolves the IHC 2+ of an earlier one.' };
  const receptor = (prefix: 'er' | 'pr') => ({ value: 'positive', rule: `${prefix}.stated`, source: 'ASCO/CAP 2020 ER/PR testing guideline (Allison et al., JCO 2020)', from: [`${prefix}_status`, `${prefix}_percent`], note: null });
  return ProfileSchema.parse({
    schemaVersion: '1.0',
    patientId: 'patient-0042',
    version: 3,
    updatedAt: '2024-04-16T09:30:00Z',
    cancerType: 'breast',
    facts,
    derived: {
      erStatus: receptor('er'),
      prStatus: receptor('pr'),
      hrStatus: { value: 'positive', rule: 'hr.er_or_pr_at_least_1pct', source: 'ASCO/CAP 2020 ER/PR guideline: ER or PR >= 1% is positive; ER-low (1-10%) reported with a comment', from: ['er_status', 'er_percent', 'pr_status', 'pr_percent'], note: null },
      her2Status: her2,
      her2Category: { ...her2, value: 'low' },
      breastSubtype: { value: 'HR+/HER2-', rule: 'subtype.HR+/HER2-', source: 'NCCN Breast Cancer guideline (systemic therapy by HR and HER2 status); ASCO/CAP 2020 ER/PR, ASCO/CAP 2023 HER2', from: ['er_status', 'er_percent', 'pr_status', 'pr_percent', 'her2_ihc', 'her2_ish'], note: null },
      stageGroup: { value: 'IIB', rule: 'stage.reported', source: 'As reported (AJCC 8th)', from: ['stage_group'], note: null },
    },
    discordances: [],
    missing: [],
    reviewState: 'ok',
    reviewReasons: [],
    documents: [
      { documentId: BIOPSY_ID, status: 'done', receivedAt: '2024-03-05T14:12:09Z', reportDate: BIOPSY.date, findingCount: 14 },
      { documentId: EXCISION_ID, status: 'done', receivedAt: '2024-04-16T09:29:41Z', reportDate: EXCISION.date, findingCount: 22 },
    ],
    ...overrides,
  });
}

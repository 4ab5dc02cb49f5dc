// Which tests matter for which cancer, and why. Answer services read this through
// relevantBiomarkers(); the profile lists the absent ones as missing.
// `tier`: 'core' is expected at diagnosis; 'advanced' matters for metastatic/recurrent disease and
// is listed as missing only when the stage is IV or unknown.

export interface BiomarkerDef {
  label: string;
  /** Present when every field of any one group has a current value. */
  satisfiedBy: readonly (readonly string[])[];
  /** Values that do not answer the question (a histology without its subtype). */
  insufficient?: readonly string[];
  /** false: @onco/extraction has no rule for it yet, so absence says nothing about the report. */
  extracted?: boolean;
  /** Other fields whose pending mention means this test is awaited ("PD-L1 (22C3) pending"). */
  pendingVia?: readonly string[];
}

export const BIOMARKERS = {
  er: { label: 'ER', satisfiedBy: [['er_status'], ['er_percent'], ['er_allred']] },
  pr: { label: 'PR', satisfiedBy: [['pr_status'], ['pr_percent'], ['pr_allred']] },
  her2: { label: 'HER2', satisfiedBy: [['her2_ihc'], ['her2_ish'], ['her2_ratio'], ['her2_status'], ['her2_category']] },
  ki67: { label: 'Ki-67', satisfiedBy: [['ki67']] },
  pdl1_tps: { label: 'PD-L1 (TPS)', satisfiedBy: [['pdl1_tps']], pendingVia: ['pdl1_clone'] },
  pdl1_cps: { label: 'PD-L1 (CPS)', satisfiedBy: [['pdl1_cps']], pendingVia: ['pdl1_clone'] },
  mmr_msi: { label: 'MMR/MSI', satisfiedBy: [['msi'], ['mlh1', 'pms2', 'msh2', 'msh6']] },
  cldn18: { label: 'Claudin 18.2', satisfiedBy: [['cldn18']] },
  bap1: { label: 'BAP1', satisfiedBy: [['bap1']] },
  histologic_type: { label: 'Histologic type', satisfiedBy: [['histology']], insufficient: ['mesothelioma'] },
  grade: { label: 'Grade / Grade Group', satisfiedBy: [['grade']] },
  egfr: { label: 'EGFR', satisfiedBy: [['egfr']] },
  alk: { label: 'ALK', satisfiedBy: [['alk']] },
  ros1: { label: 'ROS1', satisfiedBy: [['ros1']] },
  kras: { label: 'KRAS', satisfiedBy: [['kras']] },
  nras: { label: 'NRAS', satisfiedBy: [['nras']], extracted: false },
  braf: { label: 'BRAF', satisfiedBy: [['braf']] },
  met: { label: 'MET exon 14 skipping', satisfiedBy: [['met']], extracted: false },
  ret: { label: 'RET fusion', satisfiedBy: [['ret']], extracted: false },
  erbb2_mut: { label: 'HER2 (ERBB2) mutation', satisfiedBy: [['erbb2_mutation']], extracted: false },
  ntrk: { label: 'NTRK fusion', satisfiedBy: [['ntrk']] },
  pik3ca: { label: 'PIK3CA', satisfiedBy: [['pik3ca']] },
  brca: { label: 'BRCA1/2', satisfiedBy: [['brca1', 'brca2']] },
  hrd: { label: 'HRD', satisfiedBy: [['hrd']], extracted: false },
  folr1: { label: 'FRα (FOLR1)', satisfiedBy: [['folr1']] },
  p53: { label: 'p53', satisfiedBy: [['p53']], extracted: false },
  pole: { label: 'POLE', satisfiedBy: [['pole']], extracted: false },
  tmb: { label: 'TMB', satisfiedBy: [['tmb']] },
} as const satisfies Record<string, BiomarkerDef>;
export type BiomarkerId = keyof typeof BIOMARKERS;

export interface PanelEntry {
  id: BiomarkerId;
  tier: 'core' | 'advanced';
  why: string;
}
export interface Panel {
  source: string;
  markers: readonly PanelEntry[];
}

const GASTRIC: Panel = {
  source: 'NCCN Guidelines: Gastric Cancer; Esophageal and Esophagogastric Junction Cancers (2025); ASCO/CAP/ASCP HER2 in gastroesophageal adenocarcinoma (Bartley et al., JCO 2017)',
  markers: [
    { id: 'her2', tier: 'core', why: 'Trastuzumab-based first-line therapy in HER2-positive advanced disease' },
    { id: 'pdl1_cps', tier: 'core', why: 'Checkpoint inhibitor benefit with chemotherapy depends on CPS' },
    { id: 'mmr_msi', tier: 'core', why: 'Immunotherapy in dMMR/MSI-H disease; Lynch syndrome screening' },
    { id: 'cldn18', tier: 'core', why: 'Zolbetuximab in CLDN18.2-positive, HER2-negative advanced disease' },
    { id: 'ntrk', tier: 'advanced', why: 'TRK inhibitors when a fusion is present' },
  ],
};

/** Keys are cancer_type values from @onco/extraction. */
export const BIOMARKER_PANELS: Record<string, Panel> = {
  breast: {
    source: 'NCCN Guidelines: Breast Cancer (2025); ASCO/CAP ER/PR 2020; ASCO/CAP HER2 2023',
    markers: [
      { id: 'er', tier: 'core', why: 'Endocrine therapy eligibility' },
      { id: 'pr', tier: 'core', why: 'With ER defines hormone-receptor status' },
      { id: 'her2', tier: 'core', why: 'Anti-HER2 therapy if positive; trastuzumab deruxtecan if low or ultralow in metastatic disease' },
      { id: 'ki67', tier: 'core', why: 'Proliferation; adjuvant CDK4/6 inhibitor selection in some HR+ early disease' },
      { id: 'pik3ca', tier: 'advanced', why: 'PI3K/AKT pathway inhibitors in HR+/HER2- advanced disease' },
      { id: 'brca', tier: 'advanced', why: 'PARP inhibitors with germline BRCA1/2 variants' },
      { id: 'pdl1_cps', tier: 'advanced', why: 'Pembrolizumab with chemotherapy in triple-negative disease (CPS >= 10)' },
    ],
  },
  gastric: GASTRIC,
  'gastroesophageal junction': GASTRIC,
  lung: {
    source: 'NCCN Guidelines: Non-Small Cell Lung Cancer (2025); CAP/IASLC/AMP molecular testing guideline (Lindeman et al., 2018)',
    markers: [
      { id: 'egfr', tier: 'core', why: 'EGFR tyrosine kinase inhibitors (advanced and adjuvant)' },
      { id: 'alk', tier: 'core', why: 'ALK inhibitors' },
      { id: 'ros1', tier: 'core', why: 'ROS1 inhibitors' },
      { id: 'kras', tier: 'core', why: 'KRAS G12C inhibitors' },
      { id: 'braf', tier: 'core', why: 'BRAF/MEK inhibitors for V600E' },
      { id: 'met', tier: 'core', why: 'MET inhibitors for exon 14 skipping' },
      { id: 'ret', tier: 'core', why: 'RET inhibitors' },
      { id: 'ntrk', tier: 'core', why: 'TRK inhibitors' },
      { id: 'erbb2_mut', tier: 'core', why: 'HER2-directed therapy for ERBB2 mutations' },
      { id: 'pdl1_tps', tier: 'core', why: 'Checkpoint inhibitor selection (TPS >= 1%, >= 50%)' },
    ],
  },
  colorectal: {
    source: 'NCCN Guidelines: Colon Cancer; Rectal Cancer (2025); ASCP/CAP/AMP/ASCO colorectal molecular biomarkers guideline (Sepulveda et al., 2017)',
    markers: [
      { id: 'mmr_msi', tier: 'core', why: 'Universal Lynch screening; immunotherapy in dMMR/MSI-H disease' },
      { id: 'kras', tier: 'advanced', why: 'Anti-EGFR antibodies only for RAS wild-type; KRAS G12C inhibitors' },
      { id: 'nras', tier: 'advanced', why: 'Anti-EGFR antibodies only for RAS wild-type' },
      { id: 'braf', tier: 'advanced', why: 'BRAF V600E-directed therapy; prognosis' },
      { id: 'her2', tier: 'advanced', why: 'HER2-directed therapy when amplified (RAS wild-type)' },
      { id: 'ntrk', tier: 'advanced', why: 'TRK inhibitors' },
    ],
  },
  mesothelioma: {
    source: 'NCCN Guidelines: Mesothelioma: Pleural (2025); IMIG pathology guidelines (Husain et al., Arch Pathol Lab Med 2018)',
    markers: [
      { id: 'histologic_type', tier: 'core', why: 'Epithelioid vs non-epithelioid guides first-line therapy and surgery' },
      { id: 'bap1', tier: 'core', why: 'Loss supports the diagnosis; prompts germline BAP1 testing' },
      { id: 'pdl1_tps', tier: 'core', why: 'Prognostic; reported with immunotherapy, not required for eligibility' },
    ],
  },
  ovarian: {
    source: 'NCCN Guidelines: Ovarian Cancer (2025); ASCO germline and somatic testing in epithelial ovarian cancer (Konstantinopoulos et al., JCO 2020)',
    markers: [
      { id: 'brca', tier: 'core', why: 'PARP inhibitor maintenance; germline testing' },
      { id: 'hrd', tier: 'core', why: 'PARP inhibitor maintenance in BRCA wild-type disease' },
      { id: 'mmr_msi', tier: 'advanced', why: 'Immunotherapy in dMMR/MSI-H disease; Lynch syndrome' },
      { id: 'folr1', tier: 'advanced', why: 'Mirvetuximab soravtansine in FRα-positive platinum-resistant disease' },
    ],
  },
  endometrial: {
    source: 'NCCN Guidelines: Uterine Neoplasms (2025); ESGO/ESTRO/ESP molecular classification (2020)',
    markers: [
      { id: 'mmr_msi', tier: 'core', why: 'Molecular classification; checkpoint inhibitors with chemotherapy; Lynch screening' },
      { id: 'p53', tier: 'core', why: 'Molecular classification (p53-abnormal)' },
      { id: 'pole', tier: 'core', why: 'Molecular classification (POLE-ultramutated)' },
      { id: 'her2', tier: 'advanced', why: 'Trastuzumab in HER2-positive serous carcinoma' },
      { id: 'er', tier: 'advanced', why: 'Hormonal therapy' },
    ],
  },
  prostate: {
    source: 'NCCN Guidelines: Prostate Cancer (2025)',
    markers: [
      { id: 'grade', tier: 'core', why: 'Grade Group sets the risk group' },
      { id: 'brca', tier: 'advanced', why: 'PARP inhibitors in metastatic castration-resistant disease' },
      { id: 'mmr_msi', tier: 'advanced', why: 'Pembrolizumab in dMMR/MSI-H disease' },
    ],
  },
};

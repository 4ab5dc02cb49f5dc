// Every rule table, in one place. Order of families matters only for overlapping anchors
// (earlier wins), e.g. "HER2 FISH" must open the ISH family before plain "HER2".
import type { RuleSet } from '../engine.js';
import { CONTEXT_CUES, UNCHECKED_OPTION, CHECKED_OPTION, SECTION_HEADING } from './context.js';
import { HER2_FAMILIES, HER2_TARGETS } from './her2.js';
import { RECEPTOR_FAMILIES } from './receptors.js';
import { TNM_TARGETS } from './tnm.js';
import { CANCER_TARGETS } from './cancer.js';
import { STAGING_TARGETS } from './staging.js';
import { BIOMARKER_FAMILIES, BIOMARKER_TARGETS } from './biomarkers.js';

export const RULES: RuleSet = {
  families: [...HER2_FAMILIES, ...RECEPTOR_FAMILIES, ...BIOMARKER_FAMILIES],
  targets: [...HER2_TARGETS, ...TNM_TARGETS, ...CANCER_TARGETS, ...STAGING_TARGETS, ...BIOMARKER_TARGETS],
  cues: CONTEXT_CUES,
  uncheckedOption: UNCHECKED_OPTION,
  checkedOption: CHECKED_OPTION,
  sectionHeading: SECTION_HEADING,
};

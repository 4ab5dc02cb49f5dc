// HER2 tables come from @onco/guidelines (one copy for extraction and profile).
export { HER2_ASCO_CAP_2023, HER2_ISH_BY_NUMBERS } from '@onco/guidelines';

/** Categories that are all "HER2-negative": a bare negative ISH agrees with any of them. */
export const HER2_NEGATIVE_CATEGORIES = ['low', 'ultralow', 'zero'] as const;

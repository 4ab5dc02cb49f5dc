// Which tests matter for a cancer type, and which of them the profile lacks.
import type { MissingBiomarker, ProfileDerived, ProfileFact } from '@onco/contract';
import { BIOMARKERS, BIOMARKER_PANELS, type BiomarkerDef, type BiomarkerId } from './tables/biomarkers.js';
import { ADVANCED_STAGE_PREFIX } from './tables/staging.js';

export interface RelevantBiomarker {
  id: BiomarkerId;
  label: string;
  /** 'core': expected at diagnosis; 'advanced': for metastatic or recurrent disease. */
  tier: 'core' | 'advanced';
  why: string;
  /** Fact keys that answer it (any one group complete). */
  fields: string[];
  source: string;
}

const norm = (cancerType: string | null | undefined) => (cancerType ?? '').trim().toLowerCase();

/** The tests that drive treatment for a cancer type (empty when the type is unknown). */
export function relevantBiomarkers(cancerType: string | null | undefined): RelevantBiomarker[] {
  const panel = BIOMARKER_PANELS[norm(cancerType)];
  if (!panel) return [];
  return panel.markers.map((m) => {
    const def: BiomarkerDef = BIOMARKERS[m.id];
    return { id: m.id, label: def.label, tier: m.tier, why: m.why, fields: [...new Set(def.satisfiedBy.flat())], source: panel.source };
  });
}

export type BiomarkerState =
  | { status: 'present'; field: string }
  | { status: 'missing' | 'pending'; reason: MissingBiomarker['reason'] };

/** Whether the profile answers a biomarker, and if not, why. */
export function biomarkerState(id: BiomarkerId, facts: Record<string, ProfileFact>, derived: ProfileDerived): BiomarkerState {
  const def: BiomarkerDef = BIOMARKERS[id];
  const has = (f: string) => {
    const v = facts[f]?.current?.value;
    return v != null && !(def.insufficient ?? []).includes(String(v));
  };
  const group = def.satisfiedBy.find((g) => g.every(has));
  const fields = def.satisfiedBy.flat();
  if (group) {
    if (id === 'her2' && derived.her2Status?.value === 'equivocal') {
      return facts['her2_ish']?.pending ? { status: 'pending', reason: 'pending' } : { status: 'missing', reason: 'needs_reflex' };
    }
    return { status: 'present', field: group[0]! };
  }
  if ([...fields, ...(def.pendingVia ?? [])].some((f) => facts[f]?.pending)) return { status: 'pending', reason: 'pending' };
  if (fields.some((f) => facts[f]?.corrected?.applied && facts[f]?.corrected?.action === 'reject')) return { status: 'missing', reason: 'rejected' };
  if (fields.some((f) => facts[f]?.current != null)) return { status: 'missing', reason: 'incomplete' };
  if (def.extracted === false) return { status: 'missing', reason: 'not_extracted' };
  return { status: 'missing', reason: 'not_reported' };
}

/** Advanced-tier tests count when the stage is IV or unknown (it cannot be ruled out). */
export function isAdvancedOrUnknown(derived: ProfileDerived): boolean {
  const s = derived.stageGroup?.value;
  return s == null || s.startsWith(ADVANCED_STAGE_PREFIX);
}

export function missingBiomarkers(cancerType: string | null, facts: Record<string, ProfileFact>, derived: ProfileDerived): MissingBiomarker[] {
  const advanced = isAdvancedOrUnknown(derived);
  const out: MissingBiomarker[] = [];
  for (const b of relevantBiomarkers(cancerType)) {
    if (b.tier === 'advanced' && !advanced) continue;
    const st = biomarkerState(b.id, facts, derived);
    if (st.status !== 'present') out.push({ biomarker: b.id, label: b.label, tier: b.tier, reason: st.reason, fields: b.fields, source: b.source });
  }
  return out;
}

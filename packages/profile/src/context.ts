// The compact view answer services read: cancer type, stage, each relevant biomarker present or not.
import { PROFILE_SCHEMA_VERSION, type Profile, type ProfileContext } from '@onco/contract';
import { biomarkerState, relevantBiomarkers } from './biomarkers.js';
import { BIOMARKERS, type BiomarkerId } from './tables/biomarkers.js';
import { classOf, valueText } from './values.js';

type Facts = Profile['facts'];
const cur = (facts: Facts, f: string) => facts[f]?.current?.value;
const text = (v: unknown) => (v == null ? null : valueText(v));

function receptorText(facts: Facts, prefix: 'er' | 'pr', status: string | undefined): string | null {
  const pct = cur(facts, `${prefix}_percent`);
  if (status == null && pct == null) return text(cur(facts, `${prefix}_status`) ?? cur(facts, `${prefix}_allred`));
  return [status, typeof pct === 'number' ? `${pct}%` : null].filter(Boolean).join(' ') || null;
}

function mmrCategory(facts: Facts): string | null {
  const msi = cur(facts, 'msi');
  const mmr = ['mlh1', 'pms2', 'msh2', 'msh6'].map((f) => cur(facts, f));
  if (msi === 'MSI-H' || mmr.includes('lost')) return 'dMMR/MSI-H';
  if (msi === 'MSS' || msi === 'MSI-L' || mmr.every((v) => v === 'intact')) return 'pMMR/MSS';
  return null;
}

function valueAndCategory(id: BiomarkerId, p: Profile): { value: string | null; category: string | null } {
  const { facts, derived } = p;
  switch (id) {
    case 'er':
    case 'pr': {
      const d = id === 'er' ? derived.erStatus : derived.prStatus;
      return { value: receptorText(facts, id, d?.value), category: d?.value ?? null };
    }
    case 'her2': {
      const parts = [cur(facts, 'her2_ihc') != null ? `IHC ${text(cur(facts, 'her2_ihc'))}` : null, cur(facts, 'her2_ish') != null ? `ISH ${text(cur(facts, 'her2_ish'))}` : null];
      const value = parts.filter(Boolean).join(', ') || text(cur(facts, 'her2_status'));
      return { value, category: derived.her2Category?.value ?? derived.her2Status?.value ?? null };
    }
    case 'mmr_msi': {
      const msi = cur(facts, 'msi');
      const lost = ['mlh1', 'pms2', 'msh2', 'msh6'].filter((f) => cur(facts, f) === 'lost');
      const value = msi != null ? text(msi) : lost.length ? `loss of ${lost.map((f) => f.toUpperCase()).join(', ')}` : null;
      return { value, category: mmrCategory(facts) };
    }
    case 'brca': {
      const v = ['brca1', 'brca2'].map((f) => (cur(facts, f) != null ? `${f.toUpperCase()} ${text(cur(facts, f))}` : null)).filter(Boolean);
      return { value: v.join(', ') || null, category: null };
    }
    default: {
      const field = BIOMARKERS[id].satisfiedBy.flat().find((f) => cur(facts, f) != null);
      const v = field ? cur(facts, field) : undefined;
      return { value: text(v), category: field ? classOf(field, v) : null };
    }
  }
}

export function buildContext(profile: Profile): ProfileContext {
  const { facts, derived } = profile;
  const relevant = relevantBiomarkers(profile.cancerType);
  const tnm = (f: string) => text(cur(facts, f));
  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    patientId: profile.patientId,
    profileVersion: profile.version,
    cancerType: profile.cancerType,
    histology: text(cur(facts, 'histology')),
    stage: {
      group: derived.stageGroup?.value ?? null,
      t: tnm('tnm_t'),
      n: tnm('tnm_n'),
      m: tnm('tnm_m'),
      rule: derived.stageGroup?.rule ?? null,
      source: derived.stageGroup?.source ?? null,
    },
    biomarkers: relevant.map((b) => {
      const st = biomarkerState(b.id, facts, derived);
      const { value, category } = valueAndCategory(b.id, profile);
      const status = value != null && (st.status === 'present' || st.status === 'missing' && st.reason === 'needs_reflex') ? 'present' : st.status === 'pending' ? 'pending' : 'missing';
      return {
        id: b.id,
        label: b.label,
        tier: b.tier,
        status,
        value: status === 'missing' ? null : value,
        category: status === 'missing' ? null : category,
        discordant: b.fields.some((f) => facts[f]?.discordant === true),
        needsReview: b.fields.some((f) => facts[f]?.needsReview === true),
        why: b.why,
      };
    }),
    discordances: profile.discordances.map((d) => ({ marker: d.marker, from: d.from.value, to: d.to.value, fromDate: d.from.documentDate, toDate: d.to.documentDate })),
    reviewState: profile.reviewState,
    reviewReasons: profile.reviewReasons.map((r) => ({ code: r.code, factKey: r.factKey })),
    relevantBiomarkers: relevant.map((b) => b.id),
  };
}

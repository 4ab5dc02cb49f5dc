// The main job, as a user would do it: upload the sample reports through the API, follow each
// to the end, then print the patient's profile.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueToken } from '@onco/auth';

const SAMPLES = ['breast-report.pdf', 'breast-report-scanned.pdf', 'breast-report-photo.jpg'];
const SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/samples');
const PATIENT = 'demo-patient';

interface Status {
  status: string;
  stage: string | null;
  percent: number;
  failure: { reason: string } | null;
}

export async function runDemo(api: string, secret: string): Promise<number> {
  const auth = { authorization: `Bearer ${issueToken({ role: 'patient', sub: `patient:${PATIENT}`, patientId: PATIENT }, secret)}` };
  const started = Date.now();
  const uploads: { name: string; id: string }[] = [];
  for (const name of SAMPLES) {
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(path.join(SAMPLES_DIR, name))]), name);
    const res = await fetch(`${api}/v1/patients/${PATIENT}/documents`, { method: 'POST', headers: auth, body: form });
    const body = (await res.json()) as { documentId: string };
    if (!res.ok) throw new Error(`upload of ${name} failed: ${res.status} ${JSON.stringify(body)}`);
    console.log(`uploaded ${name} -> ${res.status} document ${body.documentId}`);
    uploads.push({ name, id: body.documentId });
  }

  let failed = 0;
  for (const { name, id } of uploads) {
    let last = '';
    for (;;) {
      const s = (await (await fetch(`${api}/v1/documents/${id}`, { headers: auth })).json()) as Status;
      const line = s.status === 'processing' ? `processing: ${s.stage} ${s.percent}%` : s.status;
      if (line !== last) console.log(`  ${name}: ${line}${s.failure ? ` (${s.failure.reason})` : ''}`);
      last = line;
      if (s.status === 'done' || s.status === 'failed') {
        failed += s.status === 'failed' ? 1 : 0;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  console.log(`all documents finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  const profile = await (await fetch(`${api}/v1/patients/${PATIENT}/profile`, { headers: auth })).json();
  console.log(JSON.stringify(profile, null, 2));
  console.log(`\n${headline(profile)}\n${derivedLines(profile)}`);
  return failed === 0 ? 0 : 1;
}

/** The derived categories with the rule that produced them, and the review state. */
function derivedLines(profile: { derived?: Record<string, { value: string; source: string } | null>; reviewState?: string; missing?: { label: string }[] }): string {
  const lines = Object.entries(profile.derived ?? {}).map(([k, d]) => `${k.padEnd(14)} ${d ? `${d.value}  (${d.source})` : '(not derivable)'}`);
  lines.push(`review state   ${profile.reviewState}`, `missing tests  ${(profile.missing ?? []).map((m) => m.label).join(', ') || 'none'}`);
  return `\n${lines.join('\n')}`;
}

/** One readable line per key fact, with where it came from. */
function headline(profile: { facts?: Record<string, { current?: { value: unknown; evidence?: { text: string; page: number } } | null }> }): string {
  const keys = ['cancer_type', 'histology', 'er_status', 'pr_status', 'her2_ihc', 'her2_ish', 'her2_status', 'ki67', 'tnm_t', 'tnm_n', 'tnm_m', 'stage_group'];
  return keys
    .map((k) => {
      const c = profile.facts?.[k]?.current;
      return `${k.padEnd(12)} ${c ? `${JSON.stringify(c.value)}  <- "${c.evidence?.text}" (page ${c.evidence?.page})` : '(not stated)'}`;
    })
    .join('\n');
}

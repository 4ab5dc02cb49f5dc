// Upload-to-profile latency through the running API and worker: for each sample, N uploads one
// after another (each for a new patient, so none is a duplicate), timed from the start of the
// upload to the moment the profile shows the document. Prints median and p95.
import fs from 'node:fs';
import path from 'node:path';
import { issueToken } from '@onco/auth';

const CASES = [
  ['one-page text PDF', 'breast-report.pdf'],
  ['one-page scanned PDF', 'breast-report-scanned.pdf'],
] as const;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

export async function benchE2e(api: string, secret: string, samplesDir: string, runs: number): Promise<void> {
  for (const [label, file] of CASES) {
    const bytes = fs.readFileSync(path.join(samplesDir, file));
    const times: number[] = [];
    for (let i = -1; i < runs; i++) {
      const patientId = `bench-${file.replace(/\W/g, '')}-${Date.now()}-${i + 1}`;
      const auth = { authorization: `Bearer ${issueToken({ role: 'patient', sub: patientId, patientId }, secret)}` };
      const started = performance.now();
      const form = new FormData();
      form.append('file', new Blob([bytes]), file);
      const res = await fetch(`${api}/v1/patients/${patientId}/documents`, { method: 'POST', headers: auth, body: form });
      const { documentId } = (await res.json()) as { documentId: string };
      for (;;) {
        const r = await fetch(`${api}/v1/patients/${patientId}/profile`, { headers: auth });
        const p = (await r.json()) as { version?: number; documents?: { documentId: string; status: string }[] };
        const doc = p.documents?.find((d) => d.documentId === documentId);
        if (doc && (doc.status === 'done' || doc.status === 'failed') && (p.version ?? 0) > 0) {
          if (doc.status === 'failed') throw new Error(`${file} failed during the benchmark`);
          break;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      if (i >= 0) times.push(performance.now() - started); // run -1 warms the pools up
    }
    console.log(
      `${label.padEnd(22)} runs ${runs}  median ${(quantile(times, 0.5) / 1000).toFixed(3)} s  p95 ${(quantile(times, 0.95) / 1000).toFixed(3)} s`,
    );
  }
}

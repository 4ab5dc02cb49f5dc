// OCR throughput: pages per minute of 300 dpi pages through our tesseract.js pool (DocumentReader.read,
// decoding and page geometry included), and Debian's native `tesseract` on the same page images with
// OMP_THREAD_LIMIT=1 and one process per core (its default eng model and page segmentation).
// The two are run in alternating rounds so load from other processes hits both alike.
// Run: npx tsx packages/document-reader/eval/bench-ocr.ts [--pages N] [--rounds R (default 3)]
// Last line: `ratio <ours/native pages per minute>`. Needs `apt-get install -y tesseract-ocr`.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { characterErrorRate } from '../src/accuracy.js';
import { DocumentReader, type OcrModel } from '../src/index.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const scansDir = `${repo}fixtures/scans/`;
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const cores = availableParallelism();
// Three rounds by default: on a shared 2-core VM one round varies by ±5%, three average it down to about ±3%.
const rounds = Number(arg('--rounds') ?? 3);
const model = arg('--model') as OcrModel | undefined;

interface ScanEntry {
  file: string;
  kind: string;
  source: string;
  dpi: number;
}
const manifest = JSON.parse(readFileSync(`${scansDir}manifest.json`, 'utf8')) as { entries: ScanEntry[] };
// Upright 300 dpi pages of 10 pt text (noise, blur, skew): both engines get the same files.
const BENCH_KINDS = ['noise', 'blur', 'skew'];
const pages = manifest.entries.filter((e) => BENCH_KINDS.includes(e.kind)).slice(0, Number(arg('--pages') ?? 18));

if (spawnSync('tesseract', ['--version']).status !== 0) {
  console.error('native tesseract not found: apt-get install -y tesseract-ocr');
  process.exit(1);
}

/** CPU milliseconds of this process (all threads) and of its finished children (from /proc/self/stat). */
function cpuMs(): { self: number; children: number } {
  const u = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  return { self: (u.user + u.system) / 1000, children: (Number(fields[13]) + Number(fields[14])) * tick };
}

interface Run {
  ms: number;
  cpu: number;
  cer: number;
}

async function runOurs(reader: DocumentReader): Promise<Run> {
  const start = performance.now();
  const cpu0 = cpuMs().self;
  let errors = 0;
  let length = 0;
  // Every page submitted at once, as separate documents: the pool takes them as workers free up.
  await Promise.all(
    pages.map(async (p) => {
      const r = await reader.read(readFileSync(scansDir + p.file));
      const c = characterErrorRate(r.pages.map((x) => x.text).join('\n'), readFileSync(repo + p.source, 'utf8'));
      errors += c.errors;
      length += c.length;
    }),
  );
  return { ms: performance.now() - start, cpu: cpuMs().self - cpu0, cer: errors / length };
}

function native(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', [file, 'stdout', '-l', 'eng'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`tesseract exit ${code}`))));
  });
}

async function runNative(): Promise<Run> {
  const start = performance.now();
  const cpu0 = cpuMs().children;
  let errors = 0;
  let length = 0;
  let next = 0;
  const lane = async () => {
    while (next < pages.length) {
      const p = pages[next++]!;
      const text = await native(scansDir + p.file);
      const c = characterErrorRate(text, readFileSync(repo + p.source, 'utf8'));
      errors += c.errors;
      length += c.length;
    }
  };
  await Promise.all(Array.from({ length: cores }, lane));
  return { ms: performance.now() - start, cpu: cpuMs().children - cpu0, cer: errors / length };
}

const reader = await DocumentReader.create({ ocrWorkers: cores, warm: true, ...(model ? { ocrModel: model } : {}) });
// One unmeasured page each to load code paths and models.
await reader.read(readFileSync(scansDir + pages[0]!.file));
await native(scansDir + pages[0]!.file);

let oursMs = 0;
let nativeMs = 0;
let oursCpu = 0;
let nativeCpu = 0;
let oursCer = 0;
let nativeCer = 0;
for (let r = 0; r < rounds; r++) {
  const o = await runOurs(reader);
  const n = await runNative();
  oursMs += o.ms;
  nativeMs += n.ms;
  oursCpu += o.cpu;
  nativeCpu += n.cpu;
  oursCer += o.cer / rounds;
  nativeCer += n.cer / rounds;
  console.log(`round ${r + 1}: ours ${(o.ms / 1000).toFixed(1)} s, native ${(n.ms / 1000).toFixed(1)} s for ${pages.length} pages`);
}
await reader.close();
const ppm = (ms: number) => (pages.length * rounds * 60_000) / ms;
console.log(`pages: ${pages.length} x ${rounds} rounds, 300 dpi, ${cores} cores (ours: ${cores} tesseract.js workers; native: ${cores} processes, OMP_THREAD_LIMIT=1)`);
console.log(`ours   ${ppm(oursMs).toFixed(1)} pages/min, CER ${(oursCer * 100).toFixed(2)}% (model ${model ?? 'default'})`);
console.log(`native ${ppm(nativeMs).toFixed(1)} pages/min, CER ${(nativeCer * 100).toFixed(2)}% (Debian tesseract, default eng model)`);
// CPU time per page is less sensitive to other load on the machine than wall time; printed as a cross-check.
const cpuPerPage = (ms: number) => ms / 1000 / (pages.length * rounds);
console.log(`cpu    ours ${cpuPerPage(oursCpu).toFixed(2)} s/page, native ${cpuPerPage(nativeCpu).toFixed(2)} s/page (cpu ratio ${(nativeCpu / oursCpu).toFixed(2)})`);
console.log(`ratio ${(ppm(oursMs) / ppm(nativeMs)).toFixed(2)}`);

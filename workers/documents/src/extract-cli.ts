// `npm run --silent extract -- <file>...`: reads each file through the worker's own reader and
// extractor and prints one JSON object per file per line (JSON Lines). Other tools rely on it.
import fs from 'node:fs';
import path from 'node:path';
import { writeSync } from 'node:fs';
import { DocumentReader, ReadError } from '@onco/document-reader';
import { extractReport } from '@onco/extraction';

// stdout carries JSON Lines only; anything else (e.g. OCR engine chatter) goes to stderr.
const out = (line: string) => writeSync(1, `${line}\n`);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
  (process.stderr.write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stdout.write;

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run --silent extract -- <file>...');
  process.exit(2);
}
const cwd = process.env.INIT_CWD ?? process.cwd();
let reader: DocumentReader | undefined;
let failures = 0;
try {
  for (const file of files) {
    try {
      const bytes = fs.readFileSync(path.resolve(cwd, file));
      reader ??= await DocumentReader.create();
      const read = await reader.read(bytes);
      const { summary, findings } = extractReport({ pages: read.pages.map((p) => p.text) });
      out(JSON.stringify({ file, summary, findings }));
    } catch (err) {
      failures++;
      const code = err instanceof ReadError ? err.code : 'read_failed';
      out(JSON.stringify({ file, summary: null, findings: [], error: { code, message: err instanceof Error ? err.message : String(err) } }));
    }
  }
} finally {
  await reader?.close();
}
process.exit(failures === files.length ? 1 : 0);

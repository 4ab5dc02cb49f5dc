import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OCR_MODELS, parseTsv, resolveLangPath } from './ocr-pool.js';

describe('OCR models', () => {
  it('the vendored fast model is tessdata_fast 4.1.0 eng, byte for byte', () => {
    const model = gunzipSync(readFileSync(join(resolveLangPath('fast'), 'eng.traineddata.gz')));
    expect(createHash('sha256').update(model).digest('hex')).toBe('7d4322bd2a7749724879683fc3912cb542f19906c83bcc1a52132556427170b2');
  });

  it('every model resolves to a folder holding eng.traineddata.gz', () => {
    for (const m of OCR_MODELS) expect(readFileSync(join(resolveLangPath(m), 'eng.traineddata.gz')).length).toBeGreaterThan(1_000_000);
  });
});

describe('word boxes from TSV', () => {
  it('parseTsv gives the lines and words of tesseract.js own JSON blocks for the same page', async () => {
    const { default: Tesseract } = await import('tesseract.js');
    const { decodeImagePage, inspectImage } = await import('./image.js');
    const { toPgm } = await import('./geometry.js');
    const bytes = readFileSync(new URL('../../../fixtures/scans/breast-micromet-stage.photo.jpg', import.meta.url));
    const page = await decodeImagePage(bytes, 0, await inspectImage(bytes, 1e8, 10), 1e8);
    const worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, { langPath: resolveLangPath(), gzip: true, cacheMethod: 'none' });
    try {
      await worker.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO, debug_file: '/dev/null' });
      const { data } = await worker.recognize(toPgm(page), {}, { blocks: true, tsv: true });
      const lines = data.blocks!.flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
      const jsonWords = lines.flatMap((l) => l.words).map((w) => ({ text: w.text, confidence: w.confidence, bbox: { ...w.bbox } }));
      const parsed = parseTsv(data.tsv!);
      expect(jsonWords.length).toBeGreaterThan(30);
      expect(parsed.words).toEqual(jsonWords);
      expect(parsed.lines.map((l) => l.text)).toEqual(lines.map((l) => l.text.trimEnd()));
      expect(parsed.lines.map(({ x0, y0, x1, y1 }) => ({ x0, y0, x1, y1 }))).toEqual(lines.map((l) => l.bbox));
      // The photo's page border comes out of the TSV as blank "words"; they are not words.
      expect(data.tsv!.split('\n').some((r) => r.startsWith('5\t') && r.split('\t')[11]?.trim() === '')).toBe(true);
    } finally {
      await worker.terminate();
    }
  });
});

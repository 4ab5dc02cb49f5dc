import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OCR_MODELS, resolveLangPath } from './ocr-pool.js';

describe('OCR models', () => {
  it('the vendored fast model is tessdata_fast 4.1.0 eng, byte for byte', () => {
    const model = gunzipSync(readFileSync(join(resolveLangPath('fast'), 'eng.traineddata.gz')));
    expect(createHash('sha256').update(model).digest('hex')).toBe('7d4322bd2a7749724879683fc3912cb542f19906c83bcc1a52132556427170b2');
  });

  it('every model resolves to a folder holding eng.traineddata.gz', () => {
    for (const m of OCR_MODELS) expect(readFileSync(join(resolveLangPath(m), 'eng.traineddata.gz')).length).toBeGreaterThan(1_000_000);
  });
});

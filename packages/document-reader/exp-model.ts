import v8 from 'node:v8'; if (process.env.RELAX) v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
import Tesseract from 'tesseract.js';
import { readFileSync } from 'node:fs';
const model = process.argv[2]!;
const img = readFileSync(process.argv[3]!);
const w = await Tesseract.createWorker('eng', 1, { langPath: `/work/main/packages/document-reader/node_modules/@tesseract.js-data/eng/${model}`, gzip: true, cacheMethod: 'none', errorHandler: () => {} });
await w.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO, user_defined_dpi: '300', ...(process.env.THR ? { thresholding_method: process.env.THR } : {}) });
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const r = await w.recognize(img, {}, { text: true, blocks: process.env.BLOCKS === '1' });
  console.log(model, i, Math.round(performance.now() - t), 'ms conf', r.data.confidence, 'len', r.data.text.length);
}
await w.terminate();

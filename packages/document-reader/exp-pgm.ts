import Tesseract from 'tesseract.js';
import sharp from 'sharp';
import { readFileSync } from 'node:fs';
const { data, info } = await sharp(readFileSync('/tmp/exp/page-1.png')).greyscale().raw().toBuffer({ resolveWithObject: true });
const pgm = Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`), data]);
let t = performance.now();
const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).png({ compressionLevel: 1 }).toBuffer();
console.log('png encode', Math.round(performance.now() - t), png.length);
const w = await Tesseract.createWorker('eng', 1, { langPath: `/work/main/packages/document-reader/node_modules/@tesseract.js-data/eng/4.0.0`, gzip: true, cacheMethod: 'none', errorHandler: () => {} });
await w.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.AUTO, user_defined_dpi: '300' });
for (const [name, img] of [['pgm', pgm], ['png', png], ['pgm', pgm], ['png', png]] as const) {
  for (const out of [{ text: true }, { text: true, blocks: true }, { text: true, tsv: true }]) {
    t = performance.now();
    const r = await w.recognize(img, {}, out);
    console.log(name, Object.keys(out).join('+'), Math.round(performance.now() - t), 'ms conf', r.data.confidence, 'len', r.data.text.length);
  }
}
await w.terminate();

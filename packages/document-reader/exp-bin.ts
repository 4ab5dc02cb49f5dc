import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import { binariseSmall } from './src/geometry.js';
const f = process.argv[2]!;
const { data, info } = await sharp(readFileSync(f)).autoOrient().greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
const b = await binariseSmall({ data, width: info.width, height: info.height });
let dark = 0; for (const v of b.data) if (v < 128) dark++;
console.log(b.width, b.height, 'dark', dark);
await sharp(b.data, { raw: { width: b.width, height: b.height, channels: 1 } }).png().toFile('/tmp/exp/bin.png');

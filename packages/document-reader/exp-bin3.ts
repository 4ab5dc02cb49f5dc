import sharp from 'sharp';
import { gray } from './src/geometry.js';
const { data, info } = await sharp('/work/main/fixtures/scans/breast-her2-2plus-fish-amplified.photo.jpg').greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
const small = await gray(sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).resize({ width: 941 })).toBuffer({ resolveWithObject: true });
const dims = { raw: { width: small.info.width, height: small.info.height, channels: 1 as const } };
const paper = await gray(sharp(small.data, dims).erode(4).blur(6)).toBuffer();
const ink = await gray(sharp(small.data, dims).composite([{ input: paper, raw: dims.raw, blend: 'difference' }]).removeAlpha()).toBuffer();
const y = 1000; const row = (b: Buffer) => Array.from({ length: 20 }, (_, i) => b[y * 941 + 200 + i * 20]).join(' ');
console.log('small', row(small.data)); console.log('paper', row(paper)); console.log('ink  ', row(ink));

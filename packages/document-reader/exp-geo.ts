import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import { analysePage } from './src/geometry.js';
const dir = '/work/main/fixtures/scans/';
const m = JSON.parse(readFileSync(dir + 'manifest.json', 'utf8')).entries as { file: string; kind: string; rotation: number }[];
let bad = 0;
for (const e of m) {
  const { data, info } = await sharp(readFileSync(dir + e.file)).autoOrient().greyscale().toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const t = performance.now();
  const g = await analysePage({ data, width: info.width, height: info.height });
  const ms = Math.round(performance.now() - t);
  const expectTurn = e.kind === 'rotated' ? (360 - e.rotation) % 360 : 0;
  const expectSkew = e.kind === 'rotated' ? 0 : -e.rotation;
  const turn = (g.quarterTurn + (g.maybeUpsideDown ? 180 : 0)) % 360; const ok = turn === expectTurn && Math.abs(g.skew - expectSkew) <= 0.3;
  if (!ok) bad++;
  console.log(ok ? 'ok ' : 'BAD', e.file, 'expect', expectTurn, expectSkew, 'got', g.quarterTurn, g.skew, g.maybeUpsideDown, ms, 'ms');
}
console.log('bad', bad);

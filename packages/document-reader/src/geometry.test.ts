import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePage, applyLut, binariseSmall, histogram } from './geometry.js';
import { decodeImagePage, inspectImage, luminance } from './image.js';

const scans = new URL('../../../fixtures/scans/', import.meta.url);
interface ScanEntry {
  file: string;
  kind: string;
  rotation: number;
}
const manifest = JSON.parse(readFileSync(new URL('manifest.json', scans), 'utf8')) as { entries: ScanEntry[] };

describe('page geometry', () => {
  // The generator turned each page by a known angle; the analysis must find the angle that undoes it.
  // The photos matter most: the border of the photographed page and the table around it are long
  // straight edges that once held the estimate at 0 against text turned 1.5 degrees.
  const turned = manifest.entries.filter((e) => e.kind === 'skew' || e.kind === 'photo');

  it.each(turned.map((e) => [e.file, e.rotation] as const))('%s: skew found within 0.15 degrees of %s', async (file, rotation) => {
    const bytes = readFileSync(new URL(file, scans));
    const page = await decodeImagePage(bytes, 0, await inspectImage(bytes, 1e8, 10), 1e8);
    const geo = analysePage(page, binariseSmall(page));
    expect(geo.quarterTurn).toBe(0);
    expect(Math.abs(geo.skew + rotation)).toBeLessThanOrEqual(0.15);
  });
});

describe('pixel loops (word-at-a-time fast paths against the plain definition)', () => {
  const random = (n: number, seed: number) => {
    const out = Buffer.alloc(n);
    let s = seed;
    for (let i = 0; i < n; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      out[i] = s >>> 24;
    }
    return out;
  };

  it('luminance is Rec. 601 luma, rounded (16-bit weights: off by at most a rounding), at any length and alignment', () => {
    for (const [pixels, offset] of [[1001, 0], [1000, 0], [1003, 1], [7, 3]] as const) {
      const backing = random(pixels * 3 + offset, pixels);
      const rgb = backing.subarray(offset);
      const got = luminance(rgb, pixels, 1, 3).data;
      for (let i = 0; i < pixels; i++) {
        const exact = rgb[i * 3]! * 0.299 + rgb[i * 3 + 1]! * 0.587 + rgb[i * 3 + 2]! * 0.114;
        expect(Math.abs(got[i]! - exact)).toBeLessThanOrEqual(0.51);
      }
    }
  });

  it('histogram and applyLut match a byte-by-byte loop, aligned or not', () => {
    const lut = new Uint8Array(256).map((_, v) => 255 - v);
    for (const offset of [0, 1, 2, 3]) {
      const data = random(4099 + offset, offset + 7).subarray(offset);
      const expected = new Uint32Array(256);
      for (const v of data) expected[v]!++;
      expect([...histogram(data)]).toEqual([...expected]);
      const mapped = Buffer.from(data).map((v) => lut[v]!);
      applyLut(data, lut);
      expect(Buffer.from(data).equals(Buffer.from(mapped))).toBe(true);
    }
  });
});

/** Collapses whitespace so layout differences do not count as OCR errors. */
export function normaliseForCompare(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance (insertions, deletions, substitutions all cost 1). */
export function editDistance(a: string, b: string): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Character error rate: edit distance / reference length, on whitespace-normalised text. */
export function characterErrorRate(actual: string, reference: string): { errors: number; length: number; cer: number } {
  const a = normaliseForCompare(actual);
  const b = normaliseForCompare(reference);
  const errors = editDistance(a, b);
  return { errors, length: b.length, cer: b.length === 0 ? (a.length === 0 ? 0 : 1) : errors / b.length };
}

/** 1 - (Levenshtein distance / reference length), on whitespace-normalised text. */
export function characterAccuracy(actual: string, reference: string): number {
  return Math.max(0, 1 - characterErrorRate(actual, reference).cer);
}

// Small helpers over normalized values: a stable key, a result class, a rank.
import { RESULT_CLASSES, RESULT_ORDER, type ResultClass } from './tables/review.js';

/** Stable string for any value (object keys sorted), so equal values compare equal. */
export function valueKey(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(valueKey).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${valueKey(o[k])}`).join(',')}}`;
}

/** Readable form of a value (TNM objects as "pT2"). */
export function valueText(v: unknown): string {
  if (v && typeof v === 'object' && 'category' in v) {
    const o = v as { prefix?: unknown; category?: unknown };
    return `${typeof o.prefix === 'string' ? o.prefix : ''}${String(o.category)}`;
  }
  return typeof v === 'string' ? v : valueKey(v);
}

export function applyClass(cls: ResultClass, v: unknown): string | null {
  switch (cls.kind) {
    case 'identity':
      return v == null ? null : valueText(v);
    case 'map':
      return cls.map[String(v)] ?? cls.otherwise ?? null;
    case 'bands': {
      if (typeof v !== 'number') return null;
      return cls.bands.find((b) => v < b.below)?.label ?? null;
    }
  }
}

/** Result class of a field's value; null when the field has no class table or the value is not comparable (equivocal). */
export function classOf(field: string, v: unknown): string | null {
  const c = RESULT_CLASSES[field];
  return c ? applyClass(c.cls, v) : null;
}

/** Higher is "more" (a higher score, a larger percent); -1 when unranked. */
export function rankOf(field: string, v: unknown): number {
  if (typeof v === 'number') return v;
  const order = RESULT_ORDER[field];
  return order ? order.indexOf(String(v)) : -1;
}

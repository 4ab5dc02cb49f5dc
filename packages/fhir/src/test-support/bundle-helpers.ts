import type { Bundle, Observation, Resource } from '@medplum/fhirtypes';

export const resources = (b: Bundle): Resource[] => (b.entry ?? []).map((e) => e.resource!);
export const observations = (b: Bundle): Observation[] => resources(b).filter((r): r is Observation => r.resourceType === 'Observation');
export const ofType = <T extends Resource['resourceType']>(b: Bundle, t: T) => resources(b).filter((r) => r.resourceType === t) as Extract<Resource, { resourceType: T }>[];

/** The Observation whose code has this system|code. */
export function byCode(b: Bundle, system: string, code: string): Observation | undefined {
  return observations(b).find((o) => o.code.coding?.some((c) => c.system === system && c.code === code));
}

/** Every `{ reference }` in the bundle, with the JSON path it sits at. */
export function references(b: Bundle): { path: string; reference: string }[] {
  const out: { path: string; reference: string }[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'reference' && typeof x === 'string') out.push({ path, reference: x });
        else walk(x, `${path}.${k}`);
      }
    }
  };
  walk(b, 'Bundle');
  return out;
}

/** Every object key anywhere in the JSON. */
export function keysDeep(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysDeep(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.add(k), keysDeep(x, out));
  return out;
}

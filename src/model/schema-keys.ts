import type * as z from 'zod';
import type { YamlPath } from './locate.js';

type AnySchema = z.core.$ZodType;

/** The keys a schema allows for the mapping at `path`, for "did you mean" hints. */
export function schemaKeys(schema: AnySchema, path: YamlPath): string[] {
  let candidates: AnySchema[] = [schema];
  for (const segment of path) {
    candidates = candidates.flatMap((c) => unwrap(c)).flatMap((c) => child(c, segment));
  }
  const keys = new Set<string>();
  for (const c of candidates.flatMap((c) => unwrap(c))) {
    const def = c._zod.def as { type: string; shape?: Record<string, AnySchema> };
    if (def.type === 'object' && def.shape) Object.keys(def.shape).forEach((k) => keys.add(k));
  }
  return [...keys];
}

function unwrap(schema: AnySchema): AnySchema[] {
  const def = schema._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema; options?: AnySchema[] };
  if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
  return [schema];
}

function child(schema: AnySchema, segment: string | number): AnySchema[] {
  const def = schema._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
  if (def.type === 'object' && def.shape && typeof segment === 'string' && def.shape[segment]) return [def.shape[segment]];
  if (def.type === 'array' && def.element && typeof segment === 'number') return [def.element];
  return [];
}

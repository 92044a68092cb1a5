/**
 * Reading a FHIR Bundle: JSON, the envelope, and an index of its resources by `Type/id` and
 * by fullUrl so references can be resolved inside the Bundle. Every message names the FHIR
 * path, e.g. `Bundle.entry[4].resource.encounter.reference`.
 */
import { describeJsonError } from '../../db/backup/json-error';
import { isIsoDate } from '../../domain/time';
import type { Problems } from '../problems';
import type { Resource } from './fhir-types';

export interface Located {
  readonly path: string;
  readonly resource: Resource;
}

export interface BundleIndex {
  readonly resources: readonly Located[];
  resolve(path: string, from: Located, reference: unknown, type: string): Located | null;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const show = (v: unknown): string => {
  const text = v === undefined ? 'nothing' : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/** The JSON value, or a problem. */
export function parseJson(text: string, problems: Problems): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.add('Bundle', describeJsonError(error, text));
    return undefined;
  }
}

export function indexBundle(data: unknown, problems: Problems): BundleIndex | null {
  if (!isObject(data) || data.resourceType !== 'Bundle') {
    problems.add(
      'Bundle.resourceType',
      `expected "Bundle" (got ${show(isObject(data) ? data.resourceType : data)})`,
    );
    return null;
  }
  if (data.type !== 'collection')
    problems.add('Bundle.type', `expected "collection" (got ${show(data.type)})`);
  if (!Array.isArray(data.entry)) {
    problems.add('Bundle.entry', `expected a list of entries (got ${show(data.entry)})`);
    return null;
  }
  const resources: Located[] = [];
  const byKey = new Map<string, Located>();
  const byUrl = new Map<string, Located>();
  (data.entry as unknown[]).forEach((e, i) => {
    const path = `Bundle.entry[${i}].resource`;
    const resource = isObject(e) ? e.resource : undefined;
    if (!isObject(resource) || typeof resource.resourceType !== 'string') {
      problems.add(path, 'expected a resource with a resourceType');
      return;
    }
    if (typeof resource.id !== 'string' || !/^[A-Za-z0-9\-.]{1,64}$/.test(resource.id)) {
      problems.add(
        `${path}.id`,
        `expected an id of 1–64 letters, digits, - or . (got ${show(resource.id)})`,
      );
      return;
    }
    const located = { path, resource: resource as unknown as Resource };
    const key = `${resource.resourceType}/${resource.id}`;
    const earlier = byKey.get(key);
    if (earlier) {
      problems.add(`${path}.id`, `${key} appears twice (also ${earlier.path})`);
      return;
    }
    byKey.set(key, located);
    const fullUrl = isObject(e) ? e.fullUrl : undefined;
    if (typeof fullUrl === 'string') byUrl.set(fullUrl, located);
    resources.push(located);
  });
  return {
    resources,
    resolve(path, from, reference, type) {
      const ref = isObject(reference) ? reference.reference : undefined;
      if (typeof ref !== 'string') {
        problems.add(
          `${from.path}.${path}`,
          `expected a reference to a ${type} in this Bundle (got ${show(reference)})`,
        );
        return null;
      }
      const found =
        byUrl.get(ref) ?? byKey.get(ref) ?? byKey.get(ref.split('/').slice(-2).join('/'));
      if (found?.resource.resourceType !== type) {
        problems.add(`${from.path}.${path}.reference`, `"${ref}" is not a ${type} in this Bundle`);
        return null;
      }
      return found;
    },
  };
}

/** 'YYYY-MM-DD' of a FHIR date or dateTime, or a problem. */
export function dateOf(value: unknown, where: string, problems: Problems): string | null {
  const day = typeof value === 'string' ? value.slice(0, 10) : '';
  if (typeof value === 'string' && isIsoDate(day) && (value.length === 10 || value[10] === 'T'))
    return day;
  problems.add(where, `expected a date YYYY-MM-DD (got ${show(value)})`);
  return null;
}

export function extensionOf(r: Resource, url: string): Record<string, unknown> | undefined {
  const list: unknown = r.extension;
  if (!Array.isArray(list)) return undefined;
  return (list as unknown[]).find(
    (x): x is Record<string, unknown> => isObject(x) && x.url === url,
  );
}

/** Optional text of at most `max` characters. */
export function textOf(
  value: unknown,
  where: string,
  max: number,
  problems: Problems,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.add(where, `expected text (got ${show(value)})`);
    return undefined;
  }
  if (value.length > max) {
    problems.add(where, `expected at most ${max} characters (got ${value.length})`);
    return undefined;
  }
  return value;
}

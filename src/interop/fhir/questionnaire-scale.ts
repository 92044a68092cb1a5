/**
 * A clinic-defined scale read from a FHIR R4 Questionnaire: every question with answer
 * weights becomes an item (its weights the item's whole-number range, its answer texts the
 * anchors), the total is their sum, and bands and their source come from the clinic (a
 * Questionnaire has no standard element for them). Weights are read from the
 * `ordinalValue` extension (R4), `itemWeight` (R5) or `iso21090-CO-value` (older SDC), on
 * an answerOption, its coding, or the concepts of a contained ValueSet; integer answers
 * (valueInteger options, or an integer item with minValue/maxValue) weigh themselves.
 * Every problem is named with its place; nothing is made from a Questionnaire with any.
 */
import { refuseAll, succeed, type DbResult } from '../../db/result';
import type {
  Anchor,
  BandConvention,
  ClinicScaleId,
  ItemDef,
  ScaleDefinition,
} from '../../domain/scale-types';
import { Problems } from '../problems';
import { isObject, show } from './fhir-read';

const WEIGHT_URLS = [
  'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  'http://hl7.org/fhir/StructureDefinition/itemWeight',
  'http://hl7.org/fhir/StructureDefinition/iso21090-CO-value',
];
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';
/** Question types that carry no score: structure, text, and calculated totals. */
const UNSCORED_TYPES = ['group', 'display', 'string', 'text', 'quantity', 'decimal', 'date'];

export interface ClinicBand {
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

export interface ClinicScaleOptions {
  /** The clinic's short key: the scale id becomes `clinic:<key>`. */
  readonly key: string;
  readonly rater?: 'clinician' | 'self-report';
  readonly direction?: 'higher-is-worse' | 'higher-is-better';
  /** Severity bands, lowest first, covering every total without gaps; with their source. */
  readonly bands?: readonly ClinicBand[];
  readonly bandSource?: string;
}

type Json = Record<string, unknown>;

/** The first of the values that is text, else ''. */
const textIn = (...values: unknown[]): string =>
  values.find((v): v is string => typeof v === 'string') ?? '';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);

function weightOf(holder: unknown): number | undefined {
  if (!isObject(holder)) return undefined;
  const ext = list(holder.extension).find(
    (x): x is Json => isObject(x) && WEIGHT_URLS.includes(String(x.url)),
  );
  const v = ext?.valueDecimal ?? ext?.valueInteger;
  return typeof v === 'number' ? v : undefined;
}

interface Answer {
  readonly weight: number | undefined;
  readonly label: string;
}

/** The answers of a choice question with their weights, from answerOption or a ValueSet. */
function answersOf(q: Json, contained: readonly unknown[], where: string, problems: Problems) {
  if (q.answerValueSet !== undefined) {
    const ref = typeof q.answerValueSet === 'string' ? q.answerValueSet : show(q.answerValueSet);
    const vs = ref.startsWith('#')
      ? contained.find((r) => isObject(r) && r.id === ref.slice(1))
      : undefined;
    if (!isObject(vs)) {
      problems.add(
        `${where}.answerValueSet`,
        `expected "#id" of a ValueSet contained in the Questionnaire (got ${show(ref)}); an outside ValueSet cannot be fetched`,
      );
      return [];
    }
    const compose = isObject(vs.compose) ? vs.compose : {};
    return list(compose.include).flatMap((inc) =>
      list(isObject(inc) ? inc.concept : undefined).map((c): Answer => ({
        weight: weightOf(c),
        label: isObject(c) ? textIn(c.display, c.code) : '',
      })),
    );
  }
  return list(q.answerOption).map((o): Answer => {
    const opt = isObject(o) ? o : {};
    if (typeof opt.valueInteger === 'number')
      return { weight: opt.valueInteger, label: String(opt.valueInteger) };
    const coding = isObject(opt.valueCoding) ? opt.valueCoding : {};
    return {
      weight: weightOf(opt) ?? weightOf(coding),
      label: textIn(coding.display, coding.code, opt.valueString),
    };
  });
}

/** An item from a weighted question, or undefined (and a problem) when it has no usable weights. */
function itemOf(
  q: Json,
  number: number,
  contained: readonly unknown[],
  where: string,
  problems: Problems,
): ItemDef | undefined {
  const shortName = typeof q.text === 'string' && q.text.trim() ? q.text.trim() : String(q.linkId);
  if (q.type === 'integer') {
    const bound = (url: string) => {
      const ext = list(q.extension).find((x): x is Json => isObject(x) && x.url === url);
      return typeof ext?.valueInteger === 'number' ? ext.valueInteger : undefined;
    };
    const min = bound(MIN_VALUE);
    const max = bound(MAX_VALUE);
    if (min === undefined || max === undefined || min >= max) {
      problems.add(
        where,
        `an integer question needs whole-number minValue and maxValue extensions, min below max (got minValue ${min ?? 'none'}, maxValue ${max ?? 'none'})`,
      );
      return undefined;
    }
    return { number, shortName, min, max, flags: [] };
  }
  const answers = answersOf(q, contained, where, problems);
  if (answers.length === 0) {
    problems.add(where, 'a choice question without answers cannot be scored');
    return undefined;
  }
  const missing = answers.flatMap((a, i) => (a.weight === undefined ? [i] : []));
  if (missing.length) {
    problems.add(
      where,
      `answers ${missing.map((i) => `[${i}]`).join(', ')} have no weight (ordinalValue, itemWeight or iso21090-CO-value extension, or valueInteger)`,
    );
    return undefined;
  }
  const weights = answers.map((a) => a.weight ?? 0);
  const sorted = [...new Set(weights)].sort((a, b) => a - b);
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const whole = weights.every(Number.isInteger);
  const contiguous = sorted.length === weights.length && sorted.length === max - min + 1;
  if (!whole || !contiguous || min === max) {
    problems.add(
      where,
      `answer weights must be distinct whole numbers without gaps, at least two (got ${weights.join(', ')})`,
    );
    return undefined;
  }
  const anchors: Anchor[] = answers
    .map((a) => ({ value: a.weight ?? 0, label: a.label }))
    .sort((a, b) => a.value - b.value);
  return { number, shortName, min, max, flags: [], anchors };
}

function bandsOf(
  options: ClinicScaleOptions,
  range: { min: number; max: number },
  problems: Problems,
): BandConvention[] {
  const bands = options.bands ?? [];
  if (bands.length === 0) return [];
  const source = options.bandSource?.trim() ?? '';
  if (!source) problems.add('bands', 'say where the bands come from (source)');
  let expected = range.min;
  bands.forEach((b, i) => {
    const where = `bands[${i}] "${b.label}"`;
    if (!b.label.trim()) problems.add(`bands[${i}]`, 'expected a label');
    if (!Number.isInteger(b.min) || !Number.isInteger(b.max) || b.min > b.max)
      problems.add(where, `expected whole numbers, min ≤ max (got ${b.min}–${b.max})`);
    else if (b.min !== expected)
      problems.add(where, `expected to start at ${expected} (got ${b.min}): no gaps or overlaps`);
    expected = b.max + 1;
  });
  const last = bands[bands.length - 1];
  if (last && last.max !== range.max)
    problems.add(
      `bands[${bands.length - 1}]`,
      `expected to end at the top total ${range.max} (got ${last.max})`,
    );
  return [
    {
      id: 'clinic',
      name: 'Clinic-defined',
      source,
      bands: bands.map((b, level) => ({ label: b.label.trim(), min: b.min, max: b.max, level })),
    },
  ];
}

/** Every weighted question, depth first, with its place in the file. */
function questionsOf(items: unknown, at: string): { q: Json; where: string }[] {
  return list(items).flatMap((q, i) => {
    if (!isObject(q)) return [];
    const where = `${at}[${i}] (linkId ${show(q.linkId)})`;
    const own = UNSCORED_TYPES.includes(String(q.type)) ? [] : [{ q, where }];
    return [...own, ...questionsOf(q.item, `${where}.item`)];
  });
}

export function questionnaireToScale(
  data: unknown,
  options: ClinicScaleOptions,
): DbResult<ScaleDefinition> {
  const problems = new Problems();
  if (!isObject(data) || data.resourceType !== 'Questionnaire') {
    return refuseAll([
      `the file: expected a FHIR R4 Questionnaire (got ${show(isObject(data) ? data.resourceType : data)})`,
    ]);
  }
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(options.key))
    problems.add('key', `expected 1–40 lower-case letters, digits or - (got ${show(options.key)})`);
  const title = [data.title, data.name].find(
    (t): t is string => typeof t === 'string' && t.trim() !== '',
  );
  if (!title) problems.add('Questionnaire.title', 'expected a title or name');
  const contained = list(data.contained);
  const items = questionsOf(data.item, 'Questionnaire.item').flatMap(({ q, where }, i) => {
    const item = itemOf(q, i + 1, contained, where, problems);
    return item ? [{ item, linkId: String(q.linkId) }] : [];
  });
  if (items.length === 0 && !problems.any())
    problems.add('Questionnaire.item', 'no question with answer weights: nothing to score');
  const range = {
    min: items.reduce((s, { item }) => s + item.min, 0),
    max: items.reduce((s, { item }) => s + item.max, 0),
  };
  const bandConventions = bandsOf(options, range, problems);
  if (problems.any()) return refuseAll(problems.capped());
  const id: ClinicScaleId = `clinic:${options.key}`;
  const canonical = typeof data.url === 'string' ? data.url : `(no url) ${textIn(data.id)}`;
  const version = typeof data.version === 'string' ? data.version : 'unversioned';
  return succeed({
    id,
    name: title ?? options.key,
    version: `${title ?? options.key} ${version} (clinic-defined)`,
    rater: options.rater ?? 'self-report',
    recallPeriod: 'as the questionnaire states',
    direction: options.direction ?? 'higher-is-worse',
    kind: 'severity',
    items: items.map(({ item }) => item),
    subscales: [],
    missing: { kind: 'none', source: 'Clinic-defined: every item must be answered for a total.' },
    bandConventions,
    remission: [],
    relapse: [],
    safety: [],
    copyright: typeof data.copyright === 'string' ? data.copyright : '',
    notes: ['Clinic-defined scale, imported from a FHIR Questionnaire: not checked by this app.'],
    clinicDefined: {
      questionnaire: `${canonical}|${version}`,
      linkIds: items.map(({ linkId }) => linkId),
    },
  });
}

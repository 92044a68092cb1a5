/**
 * Scores from a QuestionnaireResponse: each answer becomes an item response (PHQ-9 answers by
 * their LOINC answer code); a response tagged as a summary entry also gives its transcribed
 * total and subscales. The entry is checked by the domain; an issue is reported at the answer
 * it concerns. Observations are checked against the score of the response they derive from.
 */
import type { ExternalAssessment } from '../../db/backup/external-import';
import type { AssessmentEntry } from '../../domain/assessment';
import type { ScaleDefinition } from '../../domain/scale-types';
import { getScale } from '../../domain/scales/registry';
import { scoreEntry } from '../../domain/scoring';
import { validateEntry } from '../../domain/validation';
import type { Problems } from '../problems';
import {
  APP_CODES,
  LOINC,
  PHQ9_ITEMS,
  PHQ9_TOTAL,
  SUMMARY_TAG,
  phq9AnswerValue,
  scaleOfQuestionnaire,
} from './fhir-codes';
import { isObject, show, textOf, type BundleIndex, type Located } from './fhir-read';

export type ReadResponse =
  (ExternalAssessment & { readonly itemPaths: Map<string, string> }) | null;

/** 'item 3', 'total', 'subscale hobbies' (the domain's field names) of a linkId. */
function fieldOf(scale: ScaleDefinition, linkId: string): string | null {
  if (scale.id === 'PHQ-9') {
    const n = PHQ9_ITEMS.findIndex((c) => c === linkId);
    if (n >= 0) return `item ${n + 1}`;
  }
  if (/^\d+$/.test(linkId) && scale.items.some((i) => String(i.number) === linkId))
    return `item ${linkId}`;
  if (linkId === 'total') return 'total';
  const sub = /^subscale\.(.+)$/.exec(linkId)?.[1];
  return sub && scale.subscales.some((s) => s.id === sub) ? `subscale ${sub}` : null;
}

function answerValue(
  scale: ScaleDefinition,
  field: string,
  answer: unknown,
  at: string,
  problems: Problems,
): number | null {
  if (!isObject(answer)) {
    problems.add(at, `expected one answer (got ${show(answer)})`);
    return null;
  }
  const item = Number(/^item (\d+)$/.exec(field)?.[1] ?? NaN);
  if (scale.id === 'PHQ-9' && Number.isInteger(item)) {
    const coding = answer.valueCoding;
    const code = isObject(coding) && coding.system === LOINC ? coding.code : undefined;
    const value = typeof code === 'string' ? phq9AnswerValue(item, code) : null;
    if (value === null)
      problems.add(
        `${at}.valueCoding`,
        `expected a LOINC answer code of PHQ-9 item ${item} (got ${show(coding)})`,
      );
    return value;
  }
  const value = answer.valueInteger ?? answer.valueDecimal;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.add(at, `expected valueInteger or valueDecimal (got ${show(answer)})`);
    return null;
  }
  if (Number.isInteger(item) && !Number.isInteger(value)) {
    problems.add(
      `${at}.valueDecimal`,
      `expected a whole number for ${scale.id} ${field} (got ${value})`,
    );
    return null;
  }
  return value;
}

export function readResponse(l: Located, problems: Problems): ReadResponse {
  const r = l.resource;
  const scaleId =
    typeof r.questionnaire === 'string' ? scaleOfQuestionnaire(r.questionnaire) : null;
  if (!scaleId) {
    problems.add(
      `${l.path}.questionnaire`,
      `expected a questionnaire this app knows (PHQ-9 http://loinc.org/q/44249-1, or HAMD-17, MADRS, DARS, CGI-S, CGI-I of ${APP_CODES.replace('/CodeSystem/trajectory', '/Questionnaire/')}) (got ${show(r.questionnaire)})`,
    );
    return null;
  }
  const scale = getScale(scaleId);
  const tags = isObject(r.meta) && Array.isArray(r.meta.tag) ? (r.meta.tag as unknown[]) : [];
  const summary = tags.some(
    (t) => isObject(t) && t.system === SUMMARY_TAG.system && t.code === SUMMARY_TAG.code,
  );
  const before = problems.list.length;
  const values = new Map<string, number>();
  const itemPaths = new Map<string, string>();
  const items: unknown = r.item ?? [];
  if (!Array.isArray(items))
    problems.add(`${l.path}.item`, `expected a list of answered items (got ${show(items)})`);
  (Array.isArray(items) ? (items as unknown[]) : []).forEach((it, k) => {
    const at = `${l.path}.item[${k}]`;
    const linkId = isObject(it) ? it.linkId : undefined;
    const field = typeof linkId === 'string' ? fieldOf(scale, linkId) : null;
    if (!field || (!summary && !field.startsWith('item'))) {
      problems.add(
        `${at}.linkId`,
        `expected an item of ${scale.id}${summary ? ', "total" or "subscale.<id>"' : ''} (got ${show(linkId)})`,
      );
      return;
    }
    if (itemPaths.has(field)) {
      problems.add(
        `${at}.linkId`,
        `${scale.id} ${field} answered twice (also ${itemPaths.get(field) ?? ''})`,
      );
      return;
    }
    itemPaths.set(field, `${at}.answer[0]`);
    const answers = isObject(it) ? it.answer : undefined;
    if (!Array.isArray(answers) || answers.length !== 1) {
      problems.add(`${at}.answer`, `expected exactly one answer (got ${show(answers)})`);
      return;
    }
    const v = answerValue(scale, field, (answers as unknown[])[0], `${at}.answer[0]`, problems);
    if (v !== null) values.set(field, v);
  });
  const rater = textOf(
    isObject(r.author) ? r.author.display : undefined,
    `${l.path}.author.display`,
    200,
    problems,
  );
  if (problems.list.length > before) return null;
  const entry: AssessmentEntry = summary
    ? {
        mode: 'summary',
        total: values.get('total') ?? null,
        subscales: Object.fromEntries(
          [...values].filter(([f]) => f.startsWith('subscale ')).map(([f, v]) => [f.slice(9), v]),
        ),
        items: Object.fromEntries(
          [...values].filter(([f]) => f.startsWith('item ')).map(([f, v]) => [f.slice(5), v]),
        ),
      }
    : { mode: 'items', responses: scale.items.map((i) => values.get(`item ${i.number}`) ?? null) };
  const valid = validateEntry(scale, entry);
  if (!valid.ok) {
    for (const issue of valid.issues)
      problems.add(itemPaths.get(issue.field) ?? `${l.path}.item`, issue.message);
    return null;
  }
  return { at: l.path, scaleId, entry, ...(rater === undefined ? {} : { rater }), itemPaths };
}

/** An Observation must derive from a response in the Bundle and agree with its score. */
export function checkObservation(
  l: Located,
  index: BundleIndex,
  responses: ReadonlyMap<string, ReadResponse>,
  problems: Problems,
): void {
  const r = l.resource;
  const from = index.resolve(
    'derivedFrom[0]',
    l,
    Array.isArray(r.derivedFrom) ? (r.derivedFrom as unknown[])[0] : undefined,
    'QuestionnaireResponse',
  );
  if (!from) return;
  const response = responses.get(from.path);
  if (!response) return; // its own problems are already listed
  const scale = getScale(response.scaleId);
  const coding =
    isObject(r.code) && Array.isArray(r.code.coding) ? (r.code.coding as unknown[])[0] : undefined;
  const code = isObject(coding) ? coding.code : undefined;
  const isTotal = code === `${scale.id}.total` || (scale.id === 'PHQ-9' && code === PHQ9_TOTAL);
  const sub =
    typeof code === 'string'
      ? scale.subscales.find((s) => code === `${scale.id}.subscale.${s.id}`)
      : undefined;
  if (!isTotal && !sub) {
    problems.add(
      `${l.path}.code.coding[0].code`,
      `expected the total or a subscale of ${scale.id}, the scale of ${from.path} (got ${show(code)})`,
    );
    return;
  }
  const quantity = isObject(r.valueQuantity) ? r.valueQuantity.value : undefined;
  const value = r.valueInteger ?? quantity;
  const scored = scoreEntry(scale, response.entry);
  const expected = !scored.ok
    ? null
    : isTotal
      ? scored.score.total
      : (scored.score.subscales.find((s) => s.id === sub?.id)?.score ?? null);
  if (typeof value !== 'number' || expected === null || Math.abs(value - expected) > 1e-9)
    problems.add(
      `${l.path}.${r.valueInteger === undefined ? 'valueQuantity.value' : 'valueInteger'}`,
      `expected ${expected === null ? 'no value: its response gives no score' : expected}, the ${isTotal ? 'total' : (sub?.name ?? '')} its QuestionnaireResponse gives (got ${show(value)})`,
    );
}

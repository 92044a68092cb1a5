/** The parts of FHIR R4 resources this app writes and reads (hl7.org/fhir/R4). */
export interface Coding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

export interface CodeableConcept {
  readonly coding?: readonly Coding[];
  readonly text?: string;
}

export interface Reference {
  readonly reference?: string;
  readonly display?: string;
}

export interface Extension {
  readonly url: string;
  readonly valueBoolean?: boolean;
  readonly valueCode?: string;
  readonly valueString?: string;
  readonly valueDecimal?: number;
  readonly valueDate?: string;
}

export interface Quantity {
  readonly value?: number;
  readonly unit?: string;
  readonly system?: string;
  readonly code?: string;
}

export interface Resource {
  readonly resourceType: string;
  readonly id?: string;
  readonly meta?: { readonly tag?: readonly Coding[] };
  readonly extension?: readonly Extension[];
  readonly [field: string]: unknown;
}

export interface BundleEntry {
  readonly fullUrl?: string;
  readonly resource?: Resource;
}

export interface Bundle {
  readonly resourceType: 'Bundle';
  readonly type: 'collection';
  readonly timestamp?: string;
  readonly meta?: { readonly tag?: readonly Coding[] };
  readonly entry: readonly BundleEntry[];
}

export interface QuestionnaireAnswer {
  readonly valueInteger?: number;
  readonly valueDecimal?: number;
  readonly valueCoding?: Coding;
}

export interface QuestionnaireItem {
  readonly linkId: string;
  readonly text?: string;
  readonly answer?: readonly QuestionnaireAnswer[];
}

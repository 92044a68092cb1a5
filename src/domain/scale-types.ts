/**
 * The shape of a rating-scale definition. A definition is data: every number the app shows
 * is computed from it. Facts and sources: ../shared/reference/scales.md.
 */

export type BuiltInScaleId =
  'HAMD-17' | 'MADRS' | 'PHQ-9' | 'DARS' | 'CGI-S' | 'CGI-I' | 'HAM-A' | 'GAD-7';

/** A scale a clinic defined from a FHIR Questionnaire: 'clinic:' and the clinic's own key. */
export type ClinicScaleId = `clinic:${string}`;

export type ScaleId = BuiltInScaleId | ClinicScaleId;

/** 'higher-is-worse' for symptom scales; DARS is 'higher-is-better' (more hedonic capacity). */
export type Direction = 'higher-is-worse' | 'higher-is-better';

export type ItemFlag = 'anhedonia' | 'suicide' | 'observed' | 'unscored';

export interface Anchor {
  readonly value: number;
  readonly label: string;
}

export interface ItemDef {
  readonly number: number;
  /** Short name. Only where the licence allows the wording (see the licensing table). */
  readonly shortName: string;
  readonly min: number;
  readonly max: number;
  readonly flags: readonly ItemFlag[];
  /** Anchor descriptions, only for public-domain or freely licensed scales. */
  readonly anchors?: readonly Anchor[];
  /** Extra guidance shown beside the item, e.g. HAMD-17 item 16 A/B. */
  readonly note?: string;
  /**
   * A code outside min–max meaning "not assessed", which scores 0 and still allows a total
   * (HAMD-17 item 16: code 3, CamCOPS hamd.py).
   */
  readonly notAssessedCode?: number;
  /**
   * Ways of rating the item of which exactly one is used, recorded with the entry (HAMD-17
   * item 16: 16A by history or 16B by measured weight, as CamCOPS hamd.py records it).
   */
  readonly variants?: readonly { readonly id: string; readonly label: string }[];
}

export interface SubscaleDef {
  readonly id: string;
  readonly name: string;
  readonly items: readonly number[];
}

export interface SeverityBand {
  readonly label: string;
  /** Inclusive lower bound; a band runs up to the next band's min (exclusive). */
  readonly min: number;
  /** Inclusive upper bound as published (for display). */
  readonly max: number;
  /** 0 = none/normal, rising with severity. Drives colour and hatch pattern. */
  readonly level: number;
}

export interface BandConvention {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly bands: readonly SeverityBand[];
}

export interface RemissionRule {
  readonly id: string;
  /** Remission when total <= cutoff (inclusive) or total < cutoff (not inclusive). */
  readonly cutoff: number;
  /**
   * PHQ-9's published rule is "< 5": strict, so a prorated 4.5 is a remission. HAMD-17 and
   * MADRS rules are "<= n".
   */
  readonly inclusive: boolean;
  readonly label: string;
  readonly source: string;
}

export type RelapseRule =
  | {
      readonly id: string;
      readonly kind: 'threshold';
      /** Relapse when total >= minTotal at `consecutive` visits in a row after response. */
      readonly minTotal: number;
      readonly consecutive: number;
      readonly label: string;
      readonly source: string;
    }
  | {
      readonly id: string;
      readonly kind: 'loss-of-response';
      readonly label: string;
      readonly source: string;
    };

export type ResponseRule =
  | {
      /** Response when the reduction from baseline is >= percent. */
      readonly kind: 'percent-reduction';
      readonly percent: number;
      readonly label: string;
      readonly source: string;
    }
  | {
      /** Change scales (CGI-I): response when the rating itself is <= maxValue. */
      readonly kind: 'max-value';
      readonly maxValue: number;
      readonly label: string;
      readonly source: string;
    };

export interface ReliableChangeFigures {
  /** Standard deviation of the reference sample. */
  readonly sd: number;
  /** Reliability coefficient (test-retest preferred, else Cronbach's alpha). */
  readonly reliability: number;
  readonly reliabilityKind: 'test-retest' | 'alpha';
  readonly source: string;
}

export interface SafetyRule {
  readonly item: number;
  /** Flag when the item response is >= minValue. */
  readonly minValue: number;
  readonly message: string;
  readonly source: string;
}

/** How missing items are handled. */
export type MissingRule =
  | { readonly kind: 'none'; readonly source: string }
  | {
      readonly kind: 'prorate-mean';
      /** At most this many missing items are replaced by the mean of the answered ones. */
      readonly maxMissing: number;
      readonly source: string;
    };

export interface ScaleDefinition {
  readonly id: ScaleId;
  readonly name: string;
  readonly version: string;
  readonly rater: 'clinician' | 'self-report';
  readonly recallPeriod: string;
  readonly direction: Direction;
  /** 'change' scales (CGI-I) rate change directly and have no baseline arithmetic. */
  readonly kind: 'severity' | 'change';
  readonly items: readonly ItemDef[];
  readonly subscales: readonly SubscaleDef[];
  readonly missing: MissingRule;
  /** Severity band conventions; the first one is the default. Empty when none is published. */
  readonly bandConventions: readonly BandConvention[];
  readonly response?: ResponseRule;
  /** Remission cut-offs; the first is the default. */
  readonly remission: readonly RemissionRule[];
  /** Relapse rules; the first is the default. */
  readonly relapse: readonly RelapseRule[];
  readonly reliableChange?: ReliableChangeFigures;
  readonly safety: readonly SafetyRule[];
  /** Copyright notice the licence requires to be shown, if any. */
  readonly copyright: string;
  /** Why a rule is absent (e.g. "no published response criterion"), shown instead of a number. */
  readonly notes: readonly string[];
  /** Offered at a new visit unless the clinician chose otherwise (preferences). */
  readonly offeredByDefault?: boolean;
  /**
   * Scales that can sum up a patient's state, lowest first (overview, summary); absent = never
   * the summary scale.
   */
  readonly summaryRank?: number;
  /**
   * Subscales of unequal size charted side by side as a percentage of each one's maximum
   * (DARS domains: 16, 16, 16, 20 points).
   */
  readonly subscaleProfile?: boolean;
  /**
   * Present on a scale a clinic defined from a FHIR Questionnaire (never on a built-in one):
   * the Questionnaire's canonical|version and the linkId of each item, in item order.
   */
  readonly clinicDefined?: {
    readonly questionnaire: string;
    readonly linkIds: readonly string[];
  };
}

// The analysis result's shape. The CLI (`bitim analyze`), the API (`POST /v1/analyze`) and the
// score worker all emit exactly this object, so other parts of the product can rely on it.

export type Lang = 'kk' | 'ru' | 'en' | 'other';

export interface AnalyzeInput {
  id: string;
  text: string;
  title?: string;
  /** Language hint (e.g. from the feed); detection still runs when absent. */
  lang?: 'kk' | 'ru' | 'en';
  /** KATO code of the feed's region, used to disambiguate shared place names. */
  feedRegion?: string;
}

export type Severity = 'none' | 'quarrel' | 'brawl' | 'group_clash' | 'pogrom' | 'killing';

export type EvidenceType =
  | 'group'
  | 'violence'
  | 'hostility'
  | 'mobilisation'
  | 'rumour'
  | 'grievance'
  | 'peace'
  | 'negation'
  | 'denial'
  | 'historical'
  /** A crash, fire, collapse or drowning: deaths and injuries in its sentence are not violence between people. */
  | 'accident'
  | 'quote'
  /** The conflict is framed abroad (foreign places outnumber Kazakhstani ones); dampens the risk. */
  | 'foreign'
  | 'classifier';

export interface Evidence {
  type: EvidenceType;
  /** The matched text as it stands in the article. */
  text: string;
  /** 0-based sentence index; the title, when given, is sentence 0. */
  sentence: number;
  /** Signed contribution to the risk: peace signals and denials are negative. */
  weight: number;
}

export type PlaceLevel =
  | 'region'
  | 'city_republican'
  | 'district'
  | 'city_regional'
  | 'city_district'
  | 'settlement'
  | 'foreign';

export interface Place {
  /** 9-digit KATO code as a string; for foreign places a code like `foreign:RU`. */
  kato: string;
  name: string;
  level: PlaceLevel;
  confidence: number;
}

export interface UnitRef {
  kato: string;
  name: string;
}

export interface Tension {
  score: number;
  label: 0 | 1;
  severity: Severity;
}

export interface AnalysisResult {
  id: string;
  lang: Lang;
  tension: Tension;
  evidence: Evidence[];
  places: Place[];
  district: UnitRef | null;
  region: UnitRef | null;
}

export interface GeoInput {
  text: string;
  title?: string;
  lang: Lang;
  feedRegion?: string;
}

export interface GeoResult {
  places: Place[];
  district: UnitRef | null;
  region: UnitRef | null;
}

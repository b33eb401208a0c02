/**
 * A story is about events abroad when the foreign places it names outweigh its places in Kazakhstan this
 * many times. The tension rules count mentions (Kazakhstan as an actor and a dateline do not count: see
 * tension/rules.ts) and cap the score; the geocoder weighs votes and gives no region (geo/index.ts).
 */
export const FOREIGN_OVER_DOMESTIC = 4;

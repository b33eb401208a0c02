// Kazakhstan has kept a single time zone, UTC+5, since 1 March 2024: a "day" in every indicator is a
// Kazakhstan calendar day, whatever the server's own zone.
export const KZ_OFFSET_MS = 5 * 3600 * 1000;

/** 'YYYY-MM-DD' of the Kazakhstan calendar day containing `at`. */
export function kzDay(at: Date): string {
  return new Date(at.getTime() + KZ_OFFSET_MS).toISOString().slice(0, 10);
}

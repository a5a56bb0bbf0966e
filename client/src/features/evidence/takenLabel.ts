/** A photo's time as the city reads it: 'MM-DD HH:mm' in Asia/Shanghai (UTC+8, no daylight saving). */
export function takenLabel(instant: string | Date): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) return '';
  return new Date(ms + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
}

/** A UTC day number (days since 1970-01-01) as 'yyyy-mm-dd'. */
export function formatIsoDate(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** The local calendar day of `now` as 'yyyy-mm-dd'. */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Completed years between two 'yyyy-mm-dd' dates (birth date, reference date); null if either is malformed. */
export function ageInYears(birth: string, on: string): number | null {
  const b = ISO.exec(birth);
  const o = ISO.exec(on);
  if (!b || !o) return null;
  let years = Number(o[1]) - Number(b[1]);
  const beforeBirthday = Number(o[2]) * 100 + Number(o[3]) < Number(b[2]) * 100 + Number(b[3]);
  if (beforeBirthday) years--;
  return years;
}

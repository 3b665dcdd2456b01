/** The functions an expression may call, with how many arguments each takes. Checked when parsing. */
export const EXPRESSION_FUNCTIONS: Readonly<Record<string, { min: number; max: number }>> = {
  sum: { min: 1, max: 20 },
  count: { min: 1, max: 1 },
  min: { min: 1, max: 20 },
  max: { min: 1, max: 20 },
  round: { min: 1, max: 2 },
  len: { min: 1, max: 1 },
  today: { min: 0, max: 0 },
  age: { min: 1, max: 1 },
  daysBetween: { min: 2, max: 2 },
  contains: { min: 2, max: 2 },
  if: { min: 3, max: 3 },
};

export function isExpressionFunction(name: string): boolean {
  return Object.hasOwn(EXPRESSION_FUNCTIONS, name);
}

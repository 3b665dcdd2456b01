/**
 * The attributes every field's control carries: read-only while a prefilled value is locked, and its ARIA state
 * (absent rather than "false", so that screen readers announce only what holds).
 */
export function controlAttrs(
  field: { locked: boolean; required: boolean },
  state: { invalid: boolean; describedBy: string | undefined },
): Record<string, unknown> {
  return {
    readonly: field.locked,
    'aria-readonly': field.locked || undefined,
    'aria-required': field.required || undefined,
    'aria-invalid': state.invalid || undefined,
    'aria-describedby': state.describedBy,
  };
}

import type { FormValues } from './FormValues';

/** The result of evaluating a compiled form against values: visibility of everything and computed values filled. */
export interface FormState {
  /** The values with computed fields (top-level and in rows) filled in. Input values are not mutated. */
  values: FormValues;
  today: string;
  hiddenSteps: Set<string>;
  hiddenSections: Set<string>;
  /** Hidden top-level fields (a field in a hidden section or step counts as hidden). */
  hiddenFields: Set<string>;
  /** 'group.child' → per row, whether that cell is hidden. */
  hiddenCells: Map<string, boolean[]>;
}

import type { CompiledExpression } from './expression/compileExpression';
import type { CrossFieldRule, Field, GroupField, LeafField } from './fieldSchema';
import type { FormDefinition, FormSection, FormStep } from './formDefinitionSchema';

export interface CompiledRule {
  rule: CrossFieldRule;
  when?: CompiledExpression;
  assert: CompiledExpression;
  /**
   * The values the rule reads besides its `fields`: top-level keys ('x', or 'group.child' for a column of a group)
   * and, in a group's rule, the child ids of its own row (`row.x` → 'x'). While one of them is invalid the rule is
   * not checked: its verdict would be about a value that is not there.
   */
  reads: { top: string[]; row: string[] };
}

/** A field with its expressions parsed and compiled. `key` is 'id' or, for a group's child, 'group.child'. */
export interface CompiledField {
  key: string;
  field: Field;
  /** The group a child belongs to. */
  group?: CompiledGroup;
  stepId: string;
  sectionId: string;
  visibleIf?: CompiledExpression;
  requiredIf?: CompiledExpression;
  compute?: CompiledExpression;
  /** Anchored pattern of text fields. */
  pattern?: RegExp;
}

export interface CompiledGroup extends CompiledField {
  field: GroupField;
  children: Map<string, CompiledField & { field: LeafField }>;
  rules: CompiledRule[];
}

export interface CompiledSection {
  section: FormSection;
  visibleIf?: CompiledExpression;
  fields: CompiledField[];
}

export interface CompiledStep {
  step: FormStep;
  visibleIf?: CompiledExpression;
  sections: CompiledSection[];
}

/** What the evaluator works out, in `order`: a visibility or a computed value. */
export type EvaluationNode =
  | { kind: 'stepVisible'; step: CompiledStep }
  | { kind: 'sectionVisible'; step: CompiledStep; section: CompiledSection }
  | { kind: 'fieldVisible'; field: CompiledField; section: CompiledSection }
  | { kind: 'childVisible'; field: CompiledField; group: CompiledGroup }
  | { kind: 'fieldValue'; field: CompiledField }
  | { kind: 'childValue'; field: CompiledField; group: CompiledGroup };

/** A definition precompiled for fast, repeated evaluation: see compileForm. */
export interface CompiledForm {
  definition: FormDefinition;
  steps: CompiledStep[];
  /** Top-level fields (groups and info texts included) by id. */
  fields: Map<string, CompiledField>;
  groups: Map<string, CompiledGroup>;
  rules: CompiledRule[];
  /** Dependency order of visibilities and computed values. */
  order: EvaluationNode[];
}

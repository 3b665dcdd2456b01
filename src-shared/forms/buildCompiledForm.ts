import type { ValidationIssue } from '../errors/ValidationError';
import type {
  CompiledField,
  CompiledForm,
  CompiledGroup,
  CompiledRule,
  CompiledSection,
  CompiledStep,
  EvaluationNode,
} from './CompiledForm';
import { ADDRESS_KEYS } from './FormValues';
import { collectReferences } from './expression/collectReferences';
import { compileExpression, type CompiledExpression } from './expression/compileExpression';
import { getParsedExpression } from './expression/getParsedExpression';
import { ParseError } from './expression/ParseError';
import type { CrossFieldRule, Field, GroupField, LeafField } from './fieldSchema';
import type { FormDefinition } from './formDefinitionSchema';
import { DATE_BOUND_PATTERN } from './validators/resolveDateBound';
import { optionKey } from './matchOption';

const COMPUTABLE: ReadonlySet<string> = new Set(['text', 'textarea', 'number', 'money', 'date']);

interface PendingExpression {
  source: string;
  path: string;
  /** The group whose rows the expression runs in (`row.x`), if any. */
  group?: CompiledGroup;
  /** The node that depends on the expression's references. */
  node?: EvaluationNode;
  /** A rule's expression: its references are recorded in the rule's `reads`. */
  rule?: CompiledRule;
  assign: (compiled: CompiledExpression) => void;
}

/**
 * Checks a schema-valid definition's semantics (unique ids, expressions that parse and reference existing fields,
 * no cycles, consistent bounds) and compiles it. Problems are pushed to `issues`; the form is only usable if none.
 */
export function buildCompiledForm(definition: FormDefinition, issues: ValidationIssue[]): CompiledForm {
  const report = (path: string, code: string, message: string): void => {
    issues.push({ path, code, message });
  };
  const fields = new Map<string, CompiledField>();
  const groups = new Map<string, CompiledGroup>();
  const steps: CompiledStep[] = [];
  const order: EvaluationNode[] = [];
  const nodes: EvaluationNode[] = [];
  const pending: PendingExpression[] = [];
  const stepIds = new Set<string>();
  const sectionIds = new Set<string>();
  /** Nodes an expression's owner node depends on, filled after every field is known. */
  const deps = new Map<EvaluationNode, Set<EvaluationNode>>();
  const visibleNode = new Map<string, EvaluationNode>();
  const valueNode = new Map<string, EvaluationNode>();
  const addDep = (node: EvaluationNode, on: EvaluationNode | undefined): void => {
    if (!on) return;
    let set = deps.get(node);
    if (!set) deps.set(node, (set = new Set()));
    set.add(on);
  };
  const addNode = (node: EvaluationNode): EvaluationNode => {
    nodes.push(node);
    deps.set(node, new Set());
    return node;
  };

  const checkLeaf = (field: LeafField | GroupField, path: string): void => {
    const f = field as Record<string, unknown>;
    const pair = (lo: string, hi: string): void => {
      if (typeof f[lo] === 'number' && typeof f[hi] === 'number' && (f[lo] as number) > (f[hi] as number)) {
        report(`${path}.${lo}`, 'bounds', `${lo} is greater than ${hi}`);
      }
    };
    pair('min', 'max');
    pair('minLength', 'maxLength');
    pair('minRows', 'maxRows');
    pair('minCount', 'maxCount');
    pair('minSelected', 'maxSelected');
    if (field.type === 'date' && field.min && field.max && !field.min.startsWith('today') && !field.max.startsWith('today') && field.min > field.max) {
      report(`${path}.min`, 'bounds', 'min is after max');
    }
    if (field.type === 'date') {
      for (const k of ['min', 'max'] as const) {
        const b = field[k];
        if (b && !b.startsWith('today') && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(b)) {
          report(`${path}.${k}`, 'date', 'is not a valid date');
        }
        if (b && !DATE_BOUND_PATTERN.test(b)) report(`${path}.${k}`, 'date', 'is not a date bound');
      }
    }
    if ('options' in field && field.options) {
      const seen = new Set<string>();
      field.options.forEach((o, i) => {
        if (seen.has(o.value)) report(`${path}.options[${i}].value`, 'duplicate', `duplicate option value '${o.value}'`);
        seen.add(o.value);
      });
      // An alias must name one option only, or prefill could not tell which one a source's value means.
      const options = field.options;
      if (options.some((o) => o.aliases?.length)) {
        const owner = new Map<string, number>();
        options.forEach((o, i) => {
          for (const name of [o.value, o.label.de, o.label.fr, o.label.en]) if (!owner.has(optionKey(name))) owner.set(optionKey(name), i);
        });
        options.forEach((o, i) => {
          o.aliases?.forEach((alias, j) => {
            const key = optionKey(alias);
            const other = owner.get(key);
            if (other !== undefined && other !== i) report(`${path}.options[${i}].aliases[${j}]`, 'duplicate', `alias '${alias}' also names option '${options[other]?.value}'`);
            else owner.set(key, i);
          });
        });
      }
      if (field.type === 'checkbox' && field.minSelected !== undefined && field.minSelected > field.options.length) {
        report(`${path}.minSelected`, 'bounds', 'minSelected is greater than the number of options');
      }
    }
    if (field.type === 'checkbox' && !field.options && (field.minSelected !== undefined || field.maxSelected !== undefined)) {
      report(`${path}.minSelected`, 'bounds', 'minSelected/maxSelected need options');
    }
    if ('compute' in field && field.compute !== undefined) {
      if (!COMPUTABLE.has(field.type)) report(`${path}.compute`, 'compute', `a ${field.type} field cannot be computed`);
      if ('prefill' in field && field.prefill) report(`${path}.prefill`, 'compute', 'a computed field cannot be prefilled');
    }
  };

  const compilePattern = (field: LeafField, path: string): RegExp | undefined => {
    if ((field.type !== 'text' && field.type !== 'textarea') || field.pattern === undefined) return undefined;
    try {
      return new RegExp(`^(?:${field.pattern})$`, 'u');
    } catch {
      report(`${path}.pattern`, 'pattern', 'is not a valid regular expression');
      return undefined;
    }
  };

  definition.steps.forEach((step, si) => {
    const stepPath = `steps[${si}]`;
    if (stepIds.has(step.id)) report(`${stepPath}.id`, 'duplicate', `duplicate step id '${step.id}'`);
    stepIds.add(step.id);
    const cStep: CompiledStep = { step, sections: [] };
    steps.push(cStep);
    const stepNode = addNode({ kind: 'stepVisible', step: cStep });
    if (step.visibleIf) pending.push({ source: step.visibleIf, path: `${stepPath}.visibleIf`, node: stepNode, assign: (c) => (cStep.visibleIf = c) });

    step.sections.forEach((section, xi) => {
      const sectionPath = `${stepPath}.sections[${xi}]`;
      if (sectionIds.has(section.id)) report(`${sectionPath}.id`, 'duplicate', `duplicate section id '${section.id}'`);
      sectionIds.add(section.id);
      const cSection: CompiledSection = { section, fields: [] };
      cStep.sections.push(cSection);
      const sectionNode = addNode({ kind: 'sectionVisible', step: cStep, section: cSection });
      addDep(sectionNode, stepNode);
      if (section.visibleIf) pending.push({ source: section.visibleIf, path: `${sectionPath}.visibleIf`, node: sectionNode, assign: (c) => (cSection.visibleIf = c) });

      section.fields.forEach((field: Field, fi) => {
        const path = `${sectionPath}.fields[${fi}]`;
        if (fields.has(field.id)) report(`${path}.id`, 'duplicate', `duplicate field id '${field.id}'`);
        checkLeaf(field, path);
        const cField: CompiledField =
          field.type === 'group'
            ? ({ key: field.id, field, stepId: step.id, sectionId: section.id, children: new Map(), rules: [] } as CompiledGroup)
            : { key: field.id, field, stepId: step.id, sectionId: section.id };
        if (field.type !== 'group') {
          const pattern = compilePattern(field, path);
          if (pattern) cField.pattern = pattern;
        }
        fields.set(field.id, cField);
        cSection.fields.push(cField);
        const fieldVisible = addNode({ kind: 'fieldVisible', field: cField, section: cSection });
        addDep(fieldVisible, sectionNode);
        visibleNode.set(field.id, fieldVisible);
        if (field.visibleIf) pending.push({ source: field.visibleIf, path: `${path}.visibleIf`, node: fieldVisible, assign: (c) => (cField.visibleIf = c) });
        if (field.type === 'info') return;
        if (field.type !== 'group') {
          if (field.requiredIf) pending.push({ source: field.requiredIf, path: `${path}.requiredIf`, assign: (c) => (cField.requiredIf = c) });
          if (field.compute) {
            const node = addNode({ kind: 'fieldValue', field: cField });
            valueNode.set(field.id, node);
            pending.push({ source: field.compute, path: `${path}.compute`, node, assign: (c) => (cField.compute = c) });
          }
          return;
        }
        const group = cField as CompiledGroup;
        groups.set(field.id, group);
        field.fields.forEach((child, ci) => {
          const childPath = `${path}.fields[${ci}]`;
          if (group.children.has(child.id)) report(`${childPath}.id`, 'duplicate', `duplicate field id '${child.id}' in group '${field.id}'`);
          checkLeaf(child, childPath);
          if ('prefill' in child && child.prefill) report(`${childPath}.prefill`, 'prefill', 'fields in a group cannot be prefilled');
          const key = `${field.id}.${child.id}`;
          const cChild: CompiledField & { field: LeafField } = { key, field: child, group, stepId: step.id, sectionId: section.id };
          const pattern = compilePattern(child, childPath);
          if (pattern) cChild.pattern = pattern;
          group.children.set(child.id, cChild);
          const childVisible = addNode({ kind: 'childVisible', field: cChild, group });
          addDep(childVisible, fieldVisible);
          visibleNode.set(key, childVisible);
          if (child.visibleIf) pending.push({ source: child.visibleIf, path: `${childPath}.visibleIf`, group, node: childVisible, assign: (c) => (cChild.visibleIf = c) });
          if (child.type === 'info') return;
          if (child.requiredIf) pending.push({ source: child.requiredIf, path: `${childPath}.requiredIf`, group, assign: (c) => (cChild.requiredIf = c) });
          if (child.compute) {
            const node = addNode({ kind: 'childValue', field: cChild, group });
            valueNode.set(key, node);
            pending.push({ source: child.compute, path: `${childPath}.compute`, group, node, assign: (c) => (cChild.compute = c) });
          }
        });
        (field.rules ?? []).forEach((rule, ri) => {
          group.rules.push(compileRule(rule, `${path}.rules[${ri}]`, group));
        });
      });
    });
  });

  const ruleIds = new Set<string>();
  const rules: CompiledRule[] = [];
  function compileRule(rule: CrossFieldRule, path: string, group?: CompiledGroup): CompiledRule {
    const compiled: CompiledRule = { rule, assert: () => true, reads: { top: [], row: [] } };
    rule.fields.forEach((id, i) => {
      const target = group ? group.children.get(id) : fields.get(id);
      if (!target) report(`${path}.fields[${i}]`, 'unknownField', `unknown field '${id}'`);
      else if (target.field.type === 'info') report(`${path}.fields[${i}]`, 'unknownField', `'${id}' is an information text`);
    });
    if (rule.when) pending.push({ source: rule.when, path: `${path}.when`, group, rule: compiled, assign: (c) => (compiled.when = c) });
    pending.push({ source: rule.assert, path: `${path}.assert`, group, rule: compiled, assign: (c) => (compiled.assert = c) });
    return compiled;
  }
  // Group rules were compiled above (their fields are known by then); top-level rules need every field.
  (definition.rules ?? []).forEach((rule, ri) => {
    if (ruleIds.has(rule.id)) report(`rules[${ri}].id`, 'duplicate', `duplicate rule id '${rule.id}'`);
    ruleIds.add(rule.id);
    rules.push(compileRule(rule, `rules[${ri}]`));
  });

  // Parse, check references, record dependencies, compile.
  for (const p of pending) {
    let ast;
    try {
      ast = getParsedExpression(p.source);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      report(p.path, 'expression', `does not parse: ${error.message}`);
      continue;
    }
    let ok = true;
    for (const ref of collectReferences(ast)) {
      const problem = checkReference(ref.path, p.group);
      if (problem) {
        report(p.path, 'unknownReference', `${problem} (at position ${ref.pos})`);
        ok = false;
        continue;
      }
      if (p.rule) {
        const [head, second] = ref.path as [string, string | undefined];
        const reads = p.rule.reads;
        if (head === 'row') {
          if (second !== undefined && !reads.row.includes(second)) reads.row.push(second);
        } else {
          const key = groups.has(head) && second !== undefined ? `${head}.${second}` : head;
          if (!reads.top.includes(key)) reads.top.push(key);
        }
      }
      if (p.node) {
        const [head, second] = ref.path as [string, string | undefined];
        const key = head === 'row' ? `${p.group?.field.id}.${second}` : groups.has(head) && second ? `${head}.${second}` : head;
        addDep(p.node, visibleNode.get(key));
        addDep(p.node, valueNode.get(key));
        if (head !== 'row' && key !== head) addDep(p.node, visibleNode.get(head));
      }
    }
    if (ok) p.assign(compileExpression(ast));
  }

  function checkReference(path: readonly string[], group: CompiledGroup | undefined): string | null {
    const [head, second] = path as [string, string | undefined];
    let target: CompiledField | undefined;
    let rest: readonly string[];
    if (head === 'row') {
      if (!group) return "'row' is only available inside a repeatable group";
      if (!second) return "'row' needs a field name: row.<field>";
      target = group.children.get(second);
      if (!target) return `unknown field '${second}' in group '${group.field.id}'`;
      rest = path.slice(2);
    } else {
      target = fields.get(head);
      if (!target) return `unknown field '${head}'`;
      rest = path.slice(1);
      const g = groups.get(head);
      if (g && second !== undefined) {
        target = g.children.get(second);
        if (!target) return `unknown field '${second}' in group '${head}'`;
        rest = path.slice(2);
      }
    }
    if (target.field.type === 'info') return `'${target.key}' is an information text and has no value`;
    if (rest.length === 0) return null;
    if (target.field.type === 'address' && rest.length === 1 && ADDRESS_KEYS.has(rest[0] as string)) return null;
    return `'${path.join('.')}' reads a part of '${target.key}' that does not exist`;
  }

  // Topological order (depth-first); a cycle is reported once with its members.
  const state = new Map<EvaluationNode, 1 | 2>();
  const describe = (n: EvaluationNode): string => {
    switch (n.kind) {
      case 'stepVisible':
        return `visibility of step '${n.step.step.id}'`;
      case 'sectionVisible':
        return `visibility of section '${n.section.section.id}'`;
      case 'fieldVisible':
      case 'childVisible':
        return `visibility of '${n.field.key}'`;
      default:
        return `value of '${n.field.key}'`;
    }
  };
  const locate = (n: EvaluationNode): string => {
    const expr = n.kind === 'fieldValue' || n.kind === 'childValue' ? 'compute' : 'visibleIf';
    if (n.kind === 'stepVisible') return `steps[${definition.steps.indexOf(n.step.step)}].${expr}`;
    if (n.kind === 'sectionVisible') {
      const si = definition.steps.indexOf(n.step.step);
      return `steps[${si}].sections[${n.step.step.sections.indexOf(n.section.section)}].${expr}`;
    }
    return `${findFieldPath(definition, n.field.key)}.${expr}`;
  };
  let cycleReported = false;
  const visit = (node: EvaluationNode, stack: EvaluationNode[]): void => {
    const s = state.get(node);
    if (s === 2) return;
    if (s === 1) {
      if (!cycleReported) {
        const cycle = stack.slice(stack.indexOf(node));
        report(locate(node), 'cycle', `circular dependency: ${[...cycle, node].map(describe).join(' → ')}`);
        cycleReported = true;
      }
      return;
    }
    state.set(node, 1);
    stack.push(node);
    for (const dep of deps.get(node) ?? []) visit(dep, stack);
    stack.pop();
    state.set(node, 2);
    order.push(node);
  };
  for (const node of nodes) visit(node, []);

  return { definition, steps, fields, groups, rules, order };
}

/** The definition path of a field ('id' or 'group.child'). */
function findFieldPath(definition: FormDefinition, key: string): string {
  const [head, child] = key.split('.') as [string, string | undefined];
  for (const [si, step] of definition.steps.entries()) {
    for (const [xi, section] of step.sections.entries()) {
      for (const [fi, field] of section.fields.entries()) {
        if (field.id !== head) continue;
        const base = `steps[${si}].sections[${xi}].fields[${fi}]`;
        if (child && field.type === 'group') {
          const ci = field.fields.findIndex((c) => c.id === child);
          return `${base}.fields[${ci}]`;
        }
        return base;
      }
    }
  }
  return '';
}

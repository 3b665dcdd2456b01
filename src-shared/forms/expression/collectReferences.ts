import type { ExpressionNode } from './ExpressionAst';

/** Every field reference in an expression, with its position, in source order. */
export function collectReferences(node: ExpressionNode, out: { path: readonly string[]; pos: number }[] = []) {
  switch (node.kind) {
    case 'ref':
      out.push({ path: node.path, pos: node.pos });
      break;
    case 'unary':
      collectReferences(node.arg, out);
      break;
    case 'binary':
    case 'logical':
      collectReferences(node.left, out);
      collectReferences(node.right, out);
      break;
    case 'conditional':
      collectReferences(node.test, out);
      collectReferences(node.then, out);
      collectReferences(node.otherwise, out);
      break;
    case 'call':
      for (const arg of node.args) collectReferences(arg, out);
      break;
    case 'literal':
      break;
  }
  return out;
}

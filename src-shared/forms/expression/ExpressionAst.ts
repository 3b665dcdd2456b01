export type ExpressionValue = number | string | boolean | null | readonly unknown[] | object;

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOperator = '&&' | '||' | '??';
export type UnaryOperator = '!' | '-' | '+';

export type ExpressionNode =
  | { kind: 'literal'; value: number | string | boolean | null; pos: number }
  /** A field reference: `income`, `address.postalCode`, `members.income` (a column), `row.income` (this row). */
  | { kind: 'ref'; path: readonly string[]; pos: number }
  | { kind: 'unary'; op: UnaryOperator; arg: ExpressionNode; pos: number }
  | { kind: 'binary'; op: BinaryOperator; left: ExpressionNode; right: ExpressionNode; pos: number }
  | { kind: 'logical'; op: LogicalOperator; left: ExpressionNode; right: ExpressionNode; pos: number }
  | { kind: 'conditional'; test: ExpressionNode; then: ExpressionNode; otherwise: ExpressionNode; pos: number }
  | { kind: 'call'; name: string; args: readonly ExpressionNode[]; pos: number };

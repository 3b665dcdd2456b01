import type Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;
export type Statement<R = unknown> = Database.Statement<unknown[], R>;

/** One open database with its prepared statements: statements are prepared once per connection and reused. */
export class SqlSession {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Db) {}

  stmt<R = unknown>(sql: string): Statement<R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Statement<R>;
  }

  /** Runs fn in one IMMEDIATE transaction (takes the write lock up front: no upgrade deadlocks). */
  tx<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn).immediate();
  }
}

/** How repositories reach the open database: throws VaultLockedError while the vault is locked. */
export type SessionSource = () => SqlSession;

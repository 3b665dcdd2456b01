import type Database from 'better-sqlite3-multiple-ciphers';

type Statement<P extends unknown[], R = unknown> = Database.Statement<P, R>;

/** What routes may do with a table: read, as they did with the Maps of the in-memory store. */
export interface ReadonlyTable<T> {
  get(key: string): T | undefined;
  has(key: string): boolean;
  /** In insertion order. */
  values(): T[];
  readonly size: number;
}

export interface RecordCodec<T> {
  key(value: T): string;
  /** The space (or dossier) the record belongs to, for the lists by parent. */
  parent(value: T): string | null;
  /** Large binary content kept beside the JSON (documents); the JSON is made without it. */
  split?(value: T): { json: unknown; bytes: Buffer };
  join?(json: unknown, bytes: Buffer): T;
}

interface Row {
  json: string;
  bytes: Buffer | null;
}

/**
 * One kind of record in its table of the sandbox database, read and written through prepared statements. Every
 * read gives a fresh object: a change is kept only by writing it back (set), never by changing what get returned.
 */
export class RecordTable<T> implements ReadonlyTable<T> {
  private readonly stmts: {
    get: Statement<[string], Row>;
    has: Statement<[string], { one: number }>;
    all: Statement<[], Row>;
    byParent: Statement<[string], Row>;
    keysByParent: Statement<[string], { key: string }>;
    count: Statement<[], { n: number }>;
    put: Statement<[string, string | null, string, Buffer | null]>;
    delete: Statement<[string]>;
  };

  constructor(
    db: Database.Database,
    table: string,
    private readonly codec: RecordCodec<T>,
  ) {
    this.stmts = {
      get: db.prepare(`SELECT json, bytes FROM ${table} WHERE key = ?`),
      has: db.prepare(`SELECT 1 AS one FROM ${table} WHERE key = ?`),
      all: db.prepare(`SELECT json, bytes FROM ${table} ORDER BY rowid`),
      byParent: db.prepare(`SELECT json, bytes FROM ${table} WHERE parent = ? ORDER BY rowid`),
      keysByParent: db.prepare(`SELECT key FROM ${table} WHERE parent = ? ORDER BY rowid`),
      count: db.prepare(`SELECT count(*) AS n FROM ${table}`),
      // An update keeps the row (and so its place in the order).
      put: db.prepare(
        `INSERT INTO ${table} (key, parent, json, bytes) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET parent = excluded.parent, json = excluded.json, bytes = excluded.bytes`,
      ),
      delete: db.prepare(`DELETE FROM ${table} WHERE key = ?`),
    };
  }

  private decode(row: Row): T {
    const json = JSON.parse(row.json) as unknown;
    return this.codec.join ? this.codec.join(json, row.bytes ?? Buffer.alloc(0)) : (json as T);
  }

  get(key: string): T | undefined {
    const row = this.stmts.get.get(key);
    return row ? this.decode(row) : undefined;
  }

  has(key: string): boolean {
    return this.stmts.has.get(key) !== undefined;
  }

  values(): T[] {
    return this.stmts.all.all().map((row) => this.decode(row));
  }

  byParent(parent: string): T[] {
    return this.stmts.byParent.all(parent).map((row) => this.decode(row));
  }

  keysByParent(parent: string): string[] {
    return this.stmts.keysByParent.all(parent).map((row) => row.key);
  }

  get size(): number {
    return this.stmts.count.get()!.n;
  }

  set(value: T): T {
    const split = this.codec.split?.(value);
    this.stmts.put.run(this.codec.key(value), this.codec.parent(value), JSON.stringify(split ? split.json : value), split ? split.bytes : null);
    return value;
  }

  delete(key: string): boolean {
    return this.stmts.delete.run(key).changes > 0;
  }
}

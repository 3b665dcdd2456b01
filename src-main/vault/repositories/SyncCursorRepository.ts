import type { SessionSource } from '../SqlSession';

/** Where each sync stream (dossiers, messages, ...) left off. */
export class SyncCursorRepository {
  constructor(
    private readonly session: SessionSource,
    private readonly now: () => number = Date.now,
  ) {}

  get(stream: string): string | null {
    return this.session().stmt<{ cursor: string }>('SELECT cursor FROM sync_cursors WHERE stream = ?').get(stream)?.cursor ?? null;
  }

  set(stream: string, cursor: string): void {
    this.session()
      .stmt('INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at')
      .run(stream, cursor, this.now());
  }

  clear(stream: string): void {
    this.session().stmt('DELETE FROM sync_cursors WHERE stream = ?').run(stream);
  }
}

import type { SessionSource } from '../SqlSession';

/** Small JSON values that belong to the person (not to the machine, unlike settings.json). */
export class VaultSettingsRepository {
  constructor(private readonly session: SessionSource) {}

  get<T = unknown>(key: string): T | undefined {
    const row = this.session().stmt<{ value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  set(key: string, value: unknown): void {
    this.session().stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value ?? null));
  }

  delete(key: string): void {
    this.session().stmt('DELETE FROM settings WHERE key = ?').run(key);
  }
}

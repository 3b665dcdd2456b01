import type { SessionSource } from '../SqlSession';

export interface PersonalDataSet {
  personId: string;
  /** e.g. 'identity', 'address', 'vehicles'. */
  kind: string;
  version: number;
  data: unknown;
  /** Where it came from, e.g. 'rnpp' or 'user'. */
  source: string;
  fetchedAt: number;
}

interface Row {
  person_id: string;
  kind: string;
  version: number;
  data: string;
  source: string;
  fetched_at: number;
}

function toSet(row: Row): PersonalDataSet {
  return { personId: row.person_id, kind: row.kind, version: row.version, data: JSON.parse(row.data) as unknown, source: row.source, fetchedAt: row.fetched_at };
}

/** Personal data sets fetched from registers; every fetch is kept as a new version. */
export class PersonalDataRepository {
  constructor(private readonly session: SessionSource) {}

  /** Stores a new version (previous + 1) and returns it. */
  put(set: Omit<PersonalDataSet, 'version'>): PersonalDataSet {
    const session = this.session();
    return session.tx(() => {
      const version =
        (session.stmt<{ v: number | null }>('SELECT max(version) AS v FROM personal_data_sets WHERE person_id = ? AND kind = ?').get(set.personId, set.kind)?.v ?? 0) + 1;
      session
        .stmt('INSERT INTO personal_data_sets (person_id, kind, version, data, source, fetched_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(set.personId, set.kind, version, JSON.stringify(set.data ?? null), set.source, set.fetchedAt);
      return { ...set, version };
    });
  }

  /** The authority gave this version again, unchanged: `fetchedAt` says when it last did. */
  confirm(personId: string, kind: string, version: number, at: number): void {
    this.session().stmt('UPDATE personal_data_sets SET fetched_at = ? WHERE person_id = ? AND kind = ? AND version = ?').run(at, personId, kind, version);
  }

  latest(personId: string, kind: string): PersonalDataSet | null {
    const row = this.session()
      .stmt<Row>('SELECT * FROM personal_data_sets WHERE person_id = ? AND kind = ? ORDER BY version DESC LIMIT 1')
      .get(personId, kind);
    return row ? toSet(row) : null;
  }

  /** Every version, newest first. */
  history(personId: string, kind: string): PersonalDataSet[] {
    return this.session().stmt<Row>('SELECT * FROM personal_data_sets WHERE person_id = ? AND kind = ? ORDER BY version DESC').all(personId, kind).map(toSet);
  }
}

import type { SessionSource } from '../SqlSession';

export interface Person {
  id: string;
  kind: 'self' | 'represented';
  displayName: string;
  createdAt: number;
}

export interface Space {
  id: string;
  personId: string;
  kind: 'private' | 'professional';
  name: string;
  createdAt: number;
}

/** The vault's owner, the people they act for, and their private and professional spaces. */
export class PersonRepository {
  constructor(private readonly session: SessionSource) {}

  upsertPerson(person: Person): void {
    this.session()
      .stmt('INSERT INTO persons (id, kind, display_name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, display_name = excluded.display_name')
      .run(person.id, person.kind, person.displayName, person.createdAt);
  }

  listPersons(): Person[] {
    return this.session()
      .stmt<{ id: string; kind: Person['kind']; display_name: string; created_at: number }>('SELECT * FROM persons ORDER BY created_at, id')
      .all()
      .map((row) => ({ id: row.id, kind: row.kind, displayName: row.display_name, createdAt: row.created_at }));
  }

  upsertSpace(space: Space): void {
    this.session()
      .stmt('INSERT INTO spaces (id, person_id, kind, name, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, kind = excluded.kind, name = excluded.name')
      .run(space.id, space.personId, space.kind, space.name, space.createdAt);
  }

  listSpaces(personId?: string): Space[] {
    const session = this.session();
    type Row = { id: string; person_id: string; kind: Space['kind']; name: string; created_at: number };
    const rows =
      personId === undefined
        ? session.stmt<Row>('SELECT * FROM spaces ORDER BY created_at, id').all()
        : session.stmt<Row>('SELECT * FROM spaces WHERE person_id = ? ORDER BY created_at, id').all(personId);
    return rows.map((row) => ({ id: row.id, personId: row.person_id, kind: row.kind, name: row.name, createdAt: row.created_at }));
  }
}

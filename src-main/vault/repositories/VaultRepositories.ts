import type { SessionSource } from '../SqlSession';
import { CatalogueRepository } from './CatalogueRepository';
import { DashboardRepository } from './DashboardRepository';
import { DocumentRepository } from './DocumentRepository';
import { DossierRepository } from './DossierRepository';
import { DraftRepository } from './DraftRepository';
import { MessageRepository } from './MessageRepository';
import { OutboxRepository } from './OutboxRepository';
import { PersonalDataRepository } from './PersonalDataRepository';
import { PersonRepository } from './PersonRepository';
import { SearchRepository } from './SearchRepository';
import { SubmissionRepository } from './SubmissionRepository';
import { SyncCursorRepository } from './SyncCursorRepository';
import { VaultSettingsRepository } from './VaultSettingsRepository';

/** Every repository over one session source (the vault's, or a plain database in the benchmark). */
export class VaultRepositories {
  readonly persons: PersonRepository;
  readonly personalData: PersonalDataRepository;
  readonly documents: DocumentRepository;
  readonly drafts: DraftRepository;
  readonly dossiers: DossierRepository;
  readonly messages: MessageRepository;
  readonly search: SearchRepository;
  readonly outbox: OutboxRepository;
  readonly syncCursors: SyncCursorRepository;
  readonly catalogue: CatalogueRepository;
  readonly settings: VaultSettingsRepository;
  readonly submissions: SubmissionRepository;
  readonly dashboard: DashboardRepository;

  /** The vault's clock (what its timestamps are written with). */
  readonly now: () => number;

  constructor(session: SessionSource, now: () => number = Date.now) {
    this.now = now;
    this.persons = new PersonRepository(session);
    this.personalData = new PersonalDataRepository(session);
    this.documents = new DocumentRepository(session, now);
    this.drafts = new DraftRepository(session, now);
    this.dossiers = new DossierRepository(session);
    this.messages = new MessageRepository(session);
    this.search = new SearchRepository(session);
    this.outbox = new OutboxRepository(session, now);
    this.syncCursors = new SyncCursorRepository(session, now);
    this.catalogue = new CatalogueRepository(session);
    this.settings = new VaultSettingsRepository(session);
    this.submissions = new SubmissionRepository(session, now);
    this.dashboard = new DashboardRepository(session);
  }
}

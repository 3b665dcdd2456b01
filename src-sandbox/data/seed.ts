import type { Store } from './store';
import type { LocalizedText } from './localized';
import { text } from './localized';
import { demoCompany, demoMembers, demoPersons } from './persons';
import type { Dossier, DossierStatus } from './types';
import { simplePdf } from './pdf';

type TitleOf = (procedureId: string) => LocalizedText;
/** The catalogue's current version of a procedure ('1' when it is not in the catalogue). */
export type VersionOf = (procedureId: string) => string;
let versionOf: VersionOf = () => '1';
export function setVersionLookup(fn: VersionOf): void {
  versionOf = fn;
}

/**
 * Spaces and members: always there (the persons of the PKI must have somewhere to land). Run at every start: a space
 * missing from the database is added; the company's members are seeded only with its space, so that members removed
 * or added in the sandbox stay as they are.
 */
export function seedSpaces(store: Store): void {
  store.tx(() => {
    for (const p of demoPersons) {
      if (!store.spaces.has(p.privateSpaceId)) {
        store.spaces.set({ id: p.privateSpaceId, kind: 'private', name: `${p.givenName} ${p.surname}`, ownerPersonId: p.id });
      }
    }
    if (store.spaces.has(demoCompany.spaceId)) return;
    store.spaces.set({ id: demoCompany.spaceId, kind: 'professional', name: demoCompany.name });
    demoMembers.forEach((m, i) => {
      const p = demoPersons.find((x) => x.id === m.personId)!;
      store.putMember({
        id: `MEM-demo-${i + 1}`,
        spaceId: demoCompany.spaceId,
        personId: p.id,
        ssn: p.ssn,
        firstName: p.givenName,
        lastName: p.surname,
        email: p.email.replace('@example.lu', '@moselle-digital.example.lu'),
        role: m.role,
        status: 'active',
        certificateScope: 'all',
        invitedAt: '2025-03-01T08:00:00.000Z',
      });
    });
  });
}

function dossier(store: Store, title: TitleOf, spaceId: string, procedureId: string, personId: string, statuses: DossierStatus[], start: Date): Dossier {
  const p = demoPersons.find((x) => x.id === personId)!;
  const at = (i: number) => new Date(start.getTime() + i * 2 * 86400_000).toISOString();
  const d = store.addDossier({
    reference: store.nextReference(),
    spaceId,
    procedureId,
    procedureVersion: versionOf(procedureId),
    procedureTitle: title(procedureId),
    status: 'submitted',
    repliesAllowed: false,
    createdAt: at(0),
    updatedAt: at(0),
    history: [{ status: 'submitted', at: at(0) }],
    submittedBy: { personId, name: `${p.givenName} ${p.surname}` },
    attachments: [],
    signature: { status: 'valid', signer: `C=LU, CN=${p.givenName} ${p.surname}`, ssn: p.ssn },
  });
  statuses.forEach((s, i) => store.setStatus(d, s, at(i + 1)));
  return d;
}

function message(store: Store, d: Dossier, subject: LocalizedText, body: LocalizedText, author = 'Administration (SANDBOX)'): void {
  store.addMessage({
    id: store.nextMessageId(),
    dossierReference: d.reference,
    spaceId: d.spaceId,
    direction: 'authority',
    sentAt: d.updatedAt,
    subject,
    body,
    author,
    attachments: [],
  });
}

/** The demo: dossiers in every status, messages, issued documents, in de, fr and en. */
export function seedDemo(store: Store, title: TitleOf): void {
  const anne = demoPersons[0]!;
  const space = anne.privateSpaceId;
  const base = new Date('2026-09-01T09:00:00Z');

  const address = dossier(store, title, space, 'change-of-address', anne.id, ['received', 'in_process', 'completed'], base);
  message(
    store,
    address,
    text('Ihre Adressänderung wurde eingetragen', 'Votre changement d’adresse a été enregistré', 'Your change of address has been recorded'),
    text(
      'Guten Tag, Ihre neue Adresse ist ab sofort im Register eingetragen. Die Wohnsitzbescheinigung finden Sie unter „Meine Dokumente“.',
      'Bonjour, votre nouvelle adresse est inscrite au registre. Le certificat de résidence se trouve dans « Mes documents ».',
      'Hello, your new address is now in the register. The residence certificate is in “My documents”.',
    ),
    'Commune de Luxembourg (SANDBOX)',
  );
  store.addDocument({
    id: 'DOC-demo-residence',
    spaceId: space,
    kind: 'issued',
    title: text('Wohnsitzbescheinigung', 'Certificat de résidence', 'Residence certificate'),
    filename: 'certificat-de-residence.pdf',
    mediaType: 'application/pdf',
    createdAt: address.updatedAt,
    dossierReference: address.reference,
    bytes: simplePdf([
      'SANDBOX - Certificat de residence',
      `${anne.givenName} ${anne.surname}, ne(e) le ${anne.birthDate}`,
      `${anne.address.number}, ${anne.address.street}, ${anne.address.postalCode} ${anne.address.locality}`,
      'Document de demonstration sans valeur legale.',
    ]),
  });

  const housing = dossier(store, title, space, 'housing-aid', anne.id, ['received', 'information_requested'], new Date(base.getTime() + 5 * 86400_000));
  message(
    store,
    housing,
    text('Fehlende Unterlagen', 'Pièces manquantes', 'Missing documents'),
    text(
      'Bitte senden Sie uns Ihre letzten drei Gehaltsabrechnungen als Antwort auf diese Nachricht.',
      'Veuillez nous envoyer vos trois dernières fiches de salaire en réponse à ce message.',
      'Please send us your last three pay slips in reply to this message.',
    ),
    'Ministère du Logement (SANDBOX)',
  );

  const leave = dossier(store, title, space, 'parental-leave', anne.id, ['received', 'in_process'], new Date(base.getTime() + 9 * 86400_000));
  message(
    store,
    leave,
    text('Eingangsbestätigung', 'Accusé de réception', 'Acknowledgement of receipt'),
    text(
      'Ihr Antrag auf Elternurlaub ist eingegangen und wird bearbeitet.',
      'Votre demande de congé parental a été reçue et est en cours de traitement.',
      'Your parental leave application has been received and is being processed.',
    ),
    'Zukunftskeess (SANDBOX)',
  );
  dossier(store, title, space, 'residence-certificate', anne.id, ['received'], new Date(base.getTime() + 12 * 86400_000));

  const company = demoCompany.spaceId;
  dossier(store, title, company, 'vat-registration', 'sofia-ferreira', [], new Date(base.getTime() + 14 * 86400_000));
  const rejected = dossier(store, title, company, 'vat-registration', 'anne-schmit', ['received', 'rejected'], new Date(base.getTime() - 30 * 86400_000));
  message(
    store,
    rejected,
    text('Antrag abgelehnt', 'Demande refusée', 'Application rejected'),
    text(
      'Die Gesellschaft ist bereits für die Mehrwertsteuer registriert (LU12345678).',
      'La société est déjà immatriculée à la TVA (LU12345678).',
      'The company is already registered for VAT (LU12345678).',
    ),
    'Administration de l’enregistrement, des domaines et de la TVA (SANDBOX)',
  );
  store.addDocument({
    id: 'DOC-demo-vat',
    spaceId: company,
    kind: 'issued',
    title: text('MwSt.-Identifikationsbescheinigung', 'Attestation d’identification TVA', 'VAT identification certificate'),
    filename: 'attestation-tva.pdf',
    mediaType: 'application/pdf',
    createdAt: rejected.updatedAt,
    bytes: simplePdf(['SANDBOX - Attestation TVA', demoCompany.name.normalize('NFD').replace(/[\u0300-\u036f]/g, ''), `TVA ${demoCompany.vatNumber}`]),
  });
}

/** Bulk data for benchmarks: `dossiers` dossiers and `messages` messages spread over them, in one space. */
export function seedBulk(store: Store, title: TitleOf, spaceId: string, dossiers: number, messages: number): { dossiers: number; messages: number } {
  // One transaction: thousands of rows written at once, not one commit each.
  return store.tx(() => bulk(store, title, spaceId, dossiers, messages));
}

function bulk(store: Store, title: TitleOf, spaceId: string, dossiers: number, messages: number): { dossiers: number; messages: number } {
  const procedures = ['change-of-address', 'housing-aid', 'parental-leave', 'residence-certificate'];
  const titles = procedures.map((p) => title(p));
  const now = Date.now();
  const refs: Dossier[] = [];
  for (let i = 0; i < dossiers; i++) {
    const at = new Date(now - (dossiers - i) * 60_000).toISOString();
    refs.push(
      store.addDossier({
        reference: store.nextReference(),
        spaceId,
        procedureId: procedures[i % procedures.length]!,
        procedureVersion: versionOf(procedures[i % procedures.length]!),
        procedureTitle: titles[i % titles.length]!,
        status: 'received',
        repliesAllowed: i % 7 === 0,
        createdAt: at,
        updatedAt: at,
        history: [
          { status: 'submitted', at },
          { status: 'received', at },
        ],
        submittedBy: { personId: null, name: 'Bulk seed' },
        attachments: [],
        signature: { status: 'absent' },
      }),
    );
  }
  const subject = text('Information zu Ihrem Vorgang', 'Information sur votre démarche', 'Information on your procedure');
  for (let i = 0; i < messages && refs.length; i++) {
    const d = refs[i % refs.length]!;
    store.addMessage({
      id: store.nextMessageId(),
      dossierReference: d.reference,
      spaceId,
      direction: 'authority',
      sentAt: new Date(now - (messages - i) * 1000).toISOString(),
      subject,
      body: { de: `Nachricht ${i + 1}`, fr: `Message ${i + 1}`, en: `Message ${i + 1}` },
      author: 'Administration (SANDBOX)',
      attachments: [],
    });
  }
  return { dossiers: refs.length, messages: refs.length ? messages : 0 };
}


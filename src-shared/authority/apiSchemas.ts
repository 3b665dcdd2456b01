import { z } from 'zod';

/**
 * Zod schemas of the authority API's answers, mirroring api/authority.openapi.yaml (components/schemas). The client
 * validates every answer with these: the server is not trusted to be well-formed. Required fields follow the
 * document (a test compares them); unknown extra fields are dropped.
 */

const dateTime = z.iso.datetime({ offset: true });
const date = z.iso.date();

/**
 * The most the client takes of each field and list (the document's maxLength/maxItems say the same): a server that
 * sends more is refused whole (AuthorityResponseError) and nothing of the answer reaches the vault. Generous for
 * real data, small enough that one answer cannot fill the vault or the screen.
 */
export const apiLimits = {
  /** Opaque identifiers: documents, messages, files, members, invitations, procedures, persons. */
  id: 128,
  /** Names and short texts: persons, companies, spaces, authors, address parts, vehicles. */
  name: 200,
  /** Versions, postal codes, house numbers, status words. */
  code: 50,
  filename: 255,
  mediaType: 255,
  email: 254,
  phone: 32,
  /** One language of a title, note or source. */
  text: 2_000,
  /** One language of a message body (a person's reply may have 20 000). */
  body: 100_000,
  token: 4_096,
  etag: 256,
  cursor: 1_024,
  reference: 32,
  /** Items of one changes page (the `limit` parameter's maximum). */
  pageItems: 1_000,
  /** Items of a list without pages (dossiers, documents, messages of a dossier). */
  listItems: 10_000,
  /** Spaces, members, invitations, catalogue entries, vehicles, history entries, attachments. */
  fewItems: 1_000,
  attachments: 100,
} as const;
const L = apiLimits;
const id = z.string().max(L.id);
const name = z.string().max(L.name);

export const languageSchema = z.enum(['de', 'fr', 'en']);
const localized = (max: number) =>
  z
    .object({ de: z.string().max(max).optional(), fr: z.string().max(max).optional(), en: z.string().max(max).optional() })
    .refine((t) => t.de !== undefined || t.fr !== undefined || t.en !== undefined, 'At least one language');
export const localizedTextSchema = localized(L.text);
export type LocalizedText = z.infer<typeof localizedTextSchema>;
/** A message body: longer than a title. */
export const localizedBodySchema = localized(L.body);

export const spaceIdSchema = z.string().regex(/^P[PM]-[A-NP-Z1-9]{6}$/);
export const ssnSchema = z.string().regex(/^[0-9]{20}$/);
export const dossierReferenceSchema = z.string().regex(/^GU-[0-9]{4}-[0-9]{7,}$/).max(L.reference);
export const etrackingNumberSchema = z.string().regex(/^ET-[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{2}$/);
export const roleSchema = z.enum(['administrator', 'manager', 'signer', 'drafter', 'reader']);
export const dossierStatuses = ['submitted', 'received', 'in_process', 'information_requested', 'completed', 'rejected'] as const;
export const dossierStatusSchema = z.enum(dossierStatuses);
export type DossierStatus = z.infer<typeof dossierStatusSchema>;

/** Not capped here (a refusal keeps its type whatever its detail): the client shows and logs 500 characters of it. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  errors: z.array(z.string()).optional(),
  /** antibot-failed: how many answers the question still takes. */
  attemptsLeft: z.number().int().min(0).max(100).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const addressSchema = z.object({
  street: name,
  number: z.string().max(L.code),
  postalCode: z.string().max(L.code),
  locality: name,
  country: z.string().min(2).max(2),
});

export const challengeSchema = z.object({
  nonce: z.string().min(32).max(200),
  expiresAt: dateTime,
  algorithm: z.literal('RSASSA-PKCS1-v1_5-SHA256'),
});

export const sessionRequestSchema = z
  .object({
    nonce: z.string().min(32).max(200),
    certificates: z.array(z.string().min(100).max(20000)).min(1).max(5),
    signature: z.string().min(16).max(2000),
    algorithm: z.literal('RSASSA-PKCS1-v1_5-SHA256'),
  })
  .strict();

/** The anti-bot question of procedures without authentication: shown to the person, answered in the session request. */
export const antibotChallengeSchema = z.object({
  challengeId: z.string().min(16).max(200),
  question: localizedTextSchema,
  expiresAt: dateTime,
  attemptsLeft: z.number().int().min(1).max(10),
});
export type AntibotChallenge = z.infer<typeof antibotChallengeSchema>;

export const anonymousSessionRequestSchema = z
  .object({ challengeId: z.string().min(16).max(200), answer: z.string().min(1).max(100) })
  .strict();
export type AnonymousSessionRequest = z.infer<typeof anonymousSessionRequestSchema>;

/** What a procedure without authentication asks to reach the person (catalogue entries). */
export const contactRequirementsSchema = z.object({ email: z.literal('required'), phone: z.enum(['required', 'optional']) });
export type ContactRequirements = z.infer<typeof contactRequirementsSchema>;

export const contactSchema = z
  .object({ email: z.email().max(L.email), phone: z.string().regex(/^\+[0-9]{6,15}$/).optional() })
  .strict();
export type Contact = z.infer<typeof contactSchema>;

/** A simple electronic signature (no certificate): the typed name, the consent and when it was given. */
export const simpleSignatureSchema = z
  .object({ name: z.string().min(1).max(L.name), consent: z.boolean(), signedAt: dateTime })
  .strict();
export type SimpleSignature = z.infer<typeof simpleSignatureSchema>;

export const sessionPersonSchema = z.object({
  givenName: name,
  surname: name,
  ssn: ssnSchema,
  privateSpaceId: spaceIdSchema,
});

export const sessionSchema = z.object({
  token: z.string().min(20).max(L.token),
  tokenType: z.literal('Bearer'),
  kind: z.enum(['person', 'anonymous']),
  expiresAt: dateTime,
  expiresIn: z.number().int(),
  person: sessionPersonSchema.nullable(),
  /** Anonymous sessions: 'passed' may submit one procedure without authentication; 'used' has. */
  antibot: z.enum(['none', 'passed', 'used']).optional(),
});
export type ApiSession = z.infer<typeof sessionSchema>;

export const formDefinitionSummarySchema = z.looseObject({
  id: z.string().min(1).max(L.id),
  version: z.union([z.string().max(L.code), z.number().int()]),
  audience: z.unknown(),
  requiresAuthentication: z.boolean(),
  title: z.unknown(),
});

export const catalogueListSchema = z.object({
  etag: z.string().max(L.etag),
  items: z
    .array(formDefinitionSummarySchema.and(z.object({ etag: z.string().max(L.etag), contact: contactRequirementsSchema.optional() })))
    .max(L.fewItems),
});

export const spaceSchema = z.object({
  id: spaceIdSchema,
  kind: z.enum(['private', 'professional']),
  name,
  role: roleSchema.nullable(),
});
export const spaceListSchema = z.object({ items: z.array(spaceSchema).max(L.fewItems) });
export type ApiSpace = z.infer<typeof spaceSchema>;

export const privatePersonalDataSchema = z.object({
  kind: z.literal('private'),
  spaceId: spaceIdSchema,
  civil: z.object({
    matricule: z.string().regex(/^[0-9]{13}$/),
    givenName: name,
    surname: name,
    birthDate: date,
    birthPlace: name,
    sex: z.enum(['F', 'M', 'X']),
    nationality: localizedTextSchema,
  }),
  address: addressSchema,
  contact: z.object({ email: z.string().max(L.email).optional(), phone: z.string().max(L.phone).optional() }).optional(),
  vehicles: z
    .array(z.object({ plate: z.string().max(L.code), make: name, model: name, firstRegistration: date, fuel: localizedTextSchema }))
    .max(L.fewItems),
  source: localizedTextSchema,
  updatedAt: dateTime,
});

export const professionalDataSchema = z.object({
  kind: z.literal('professional'),
  spaceId: spaceIdSchema,
  company: z.object({
    name,
    legalForm: localizedTextSchema,
    rcsNumber: z.string().regex(/^[A-Z][0-9]+$/).max(L.code),
    vatNumber: z.string().regex(/^LU[0-9]{8}$/),
    matricule: z.string().max(L.code).optional(),
    address: addressSchema,
  }),
  /** How the administration reaches the company, as the private space's `contact` for the person. */
  contact: z.object({ email: z.string().max(L.email).optional(), phone: z.string().max(L.phone).optional() }).optional(),
  vatBalance: z
    .object({ amount: z.string().regex(/^-?[0-9]+\.[0-9]{2}$/).max(L.code), currency: z.literal('EUR'), asOf: date })
    .optional(),
  source: localizedTextSchema,
  updatedAt: dateTime,
});

export const personalDataSchema = z.discriminatedUnion('kind', [privatePersonalDataSchema, professionalDataSchema]);
export type ApiPersonalData = z.infer<typeof personalDataSchema>;

export const fileRefSchema = z.object({
  id,
  filename: z.string().max(L.filename),
  mediaType: z.string().max(L.mediaType),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileRef = z.infer<typeof fileRefSchema>;

export const documentSchema = z.object({
  id,
  kind: z.enum(['issued', 'uploaded']),
  title: localizedTextSchema,
  filename: z.string().max(L.filename),
  mediaType: z.string().max(L.mediaType),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: dateTime,
  dossierReference: dossierReferenceSchema.optional(),
});
export const documentListSchema = z.object({ items: z.array(documentSchema).max(L.listItems) });
export type ApiDocument = z.infer<typeof documentSchema>;

export const dossierSchema = z.object({
  reference: dossierReferenceSchema,
  spaceId: spaceIdSchema.nullable(),
  procedureId: id,
  procedureVersion: z.string().max(L.code),
  procedureTitle: localizedTextSchema,
  status: dossierStatusSchema,
  repliesAllowed: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
  history: z.array(z.object({ status: dossierStatusSchema, at: dateTime, note: localizedTextSchema.optional() })).max(L.fewItems),
  submittedBy: z.object({ personId: id.nullable(), name }),
  attachments: z.array(fileRefSchema).max(L.attachments),
  signature: z.object({
    status: z.enum(['valid', 'absent']),
    signer: name.optional(),
    ssn: ssnSchema.optional(),
    /** The typed-name signature of a procedure without authentication. */
    simple: z.object({ name, signedAt: dateTime }).optional(),
    /** A co-signed PDF: every signer, in the order they signed (signer and ssn above: the first's). */
    signers: z.array(z.object({ signer: name, ssn: ssnSchema.optional() })).max(10).optional(),
  }),
  etrackingNumber: etrackingNumberSchema.optional(),
});
export const dossierListSchema = z.object({ items: z.array(dossierSchema).max(L.listItems) });
export type ApiDossier = z.infer<typeof dossierSchema>;

export const messageSchema = z.object({
  id,
  dossierReference: dossierReferenceSchema,
  direction: z.enum(['authority', 'person']),
  sentAt: dateTime,
  subject: localizedTextSchema,
  body: localizedBodySchema,
  author: name,
  attachments: z.array(fileRefSchema).max(L.attachments),
  /** 'rich': a limited rich text (HTML subset) that clients sanitize; absent: plain text. */
  bodyFormat: z.enum(['text', 'rich']).optional(),
  read: z.boolean().optional(),
});
export const messageListSchema = z.object({ items: z.array(messageSchema).max(L.listItems) });
export type ApiMessage = z.infer<typeof messageSchema>;

export const replyRequestSchema = z
  .object({
    subject: z.string().max(200).optional(),
    body: z.string().min(1).max(20000),
    language: languageSchema,
    attachments: z
      .array(z.object({ filename: z.string().min(1).max(255), mediaType: z.string(), contentBase64: z.string() }).strict())
      .max(10)
      .optional(),
  })
  .strict();
export type ReplyRequest = z.infer<typeof replyRequestSchema>;

export const messageReadRequestSchema = z.object({ read: z.boolean() }).strict();
export const messageReadStateSchema = z.object({ id, read: z.boolean() });

export const submissionDataSchema = z
  .object({
    procedureId: z.string().min(1),
    procedureVersion: z.string().min(1),
    language: languageSchema,
    data: z.record(z.string(), z.unknown()),
    /** Procedures without authentication: how to reach the person, the terms, the simple signature. */
    contact: contactSchema.optional(),
    termsAccepted: z.boolean().optional(),
    simpleSignature: simpleSignatureSchema.optional(),
  })
  .strict();
export type SubmissionData = z.infer<typeof submissionDataSchema>;

/** What a first signer sends with the signed PDF to ask a second signer's space to co-sign (part `request`). */
export const coSignatureCreateSchema = z
  .object({
    coSignerSpaceId: z.string().regex(/^P[PM]-[A-Z0-9]{6}$/),
    procedureId: z.string().min(1),
    procedureVersion: z.string().min(1),
    language: languageSchema,
    data: z.record(z.string(), z.unknown()),
  })
  .strict();
export type CoSignatureCreate = z.infer<typeof coSignatureCreateSchema>;

export const coSignatureStatusSchema = z.enum(['pending', 'submitted', 'declined']);
export type CoSignatureStatus = z.infer<typeof coSignatureStatusSchema>;

/** A co-signature request, as both the requester's and the co-signer's space see it. */
export const coSignatureRequestSchema = z.object({
  id,
  procedureId: id,
  procedureVersion: z.string().max(L.code),
  procedureTitle: localizedTextSchema,
  requesterSpaceId: spaceIdSchema,
  requesterName: name,
  coSignerSpaceId: spaceIdSchema,
  /** The co-signer's space's name while pending or declined; the person who signed once submitted. */
  coSignerName: name.nullable(),
  status: coSignatureStatusSchema,
  dossierReference: dossierReferenceSchema.nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
  document: z.object({ filename: z.string().max(L.filename), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  attachments: z.array(fileRefSchema).max(L.attachments),
});
export type CoSignatureRequest = z.infer<typeof coSignatureRequestSchema>;
export type ApiCoSignatureRequest = CoSignatureRequest;
export const coSignatureListSchema = z.object({ items: z.array(coSignatureRequestSchema).max(L.listItems) });
export type CoSignatureList = z.infer<typeof coSignatureListSchema>;

export const changeItemSchema = z.discriminatedUnion('type', [
  z.object({ seq: z.number().int(), type: z.literal('dossier'), dossier: dossierSchema }),
  z.object({ seq: z.number().int(), type: z.literal('message'), message: messageSchema }),
  z.object({ seq: z.number().int(), type: z.literal('document'), document: documentSchema }),
]);
export type ChangeItem = z.infer<typeof changeItemSchema>;

export const changesPageSchema = z.object({
  items: z.array(changeItemSchema).max(L.pageItems),
  nextCursor: z.string().min(1).max(L.cursor),
  hasMore: z.boolean(),
  /** Changes still waiting after this page, when the server knows: lets a first sync show how far it has come. */
  remaining: z.number().int().min(0).optional(),
});
export type ChangesPage = z.infer<typeof changesPageSchema>;

export const memberSchema = z.object({
  id,
  firstName: name,
  lastName: name,
  email: z.string().max(L.email),
  ssn: ssnSchema,
  role: roleSchema,
  status: z.enum(['active', 'invited', 'refused']),
  certificateScope: z.enum(['this', 'all']),
  invitedAt: dateTime,
});
export const memberListSchema = z.object({ items: z.array(memberSchema).max(L.fewItems) });
export type ApiMember = z.infer<typeof memberSchema>;

export const invitationRequestSchema = z
  .object({
    firstName: z.string().min(1).max(100),
    lastName: z.string().min(1).max(100),
    email: z.email(),
    ssn: ssnSchema,
    role: roleSchema,
    certificateScope: z.enum(['this', 'all']).optional(),
  })
  .strict();
export type InvitationRequest = z.infer<typeof invitationRequestSchema>;

export const invitationListSchema = z.object({
  items: z.array(z.object({ id, spaceId: spaceIdSchema, spaceName: name, role: roleSchema, invitedAt: dateTime })).max(L.fewItems),
});

export const etrackingRequestSchema = z
  .object({
    procedureId: z.string().min(1),
    email: z.email().optional(),
    phone: z.string().regex(/^\+[0-9]{6,15}$/).optional(),
    language: languageSchema,
  })
  .strict()
  .refine((r) => r.email !== undefined || r.phone !== undefined, 'An e-mail address or a phone number');
export type EtrackingRequest = z.infer<typeof etrackingRequestSchema>;

export const etrackingSchema = z.object({
  number: etrackingNumberSchema,
  procedureId: id,
  procedureTitle: localizedTextSchema,
  status: z.enum(['awaiting_paper', 'received', 'in_process', 'completed', 'rejected']),
  notifications: z.object({ email: z.string().max(L.email).nullable(), sms: z.string().max(L.phone).nullable() }),
  language: languageSchema,
  createdAt: dateTime,
  updatedAt: dateTime,
  history: z.array(z.object({ status: z.string().max(L.code), at: dateTime })).max(L.fewItems),
});
export type ApiEtracking = z.infer<typeof etrackingSchema>;

/**
 * For the agreement test: which zod schema mirrors which component of the OpenAPI document (top-level objects only).
 */
export const schemaComponents = {
  Problem: problemSchema,
  Challenge: challengeSchema,
  AntibotChallenge: antibotChallengeSchema,
  AnonymousSessionRequest: anonymousSessionRequestSchema,
  ContactRequirements: contactRequirementsSchema,
  Contact: contactSchema,
  SimpleSignature: simpleSignatureSchema,
  SessionRequest: sessionRequestSchema,
  Session: sessionSchema,
  Space: spaceSchema,
  PrivatePersonalData: privatePersonalDataSchema,
  ProfessionalData: professionalDataSchema,
  FileRef: fileRefSchema,
  Document: documentSchema,
  Dossier: dossierSchema,
  Message: messageSchema,
  ReplyRequest: replyRequestSchema,
  MessageReadRequest: messageReadRequestSchema,
  MessageReadState: messageReadStateSchema,
  SubmissionData: submissionDataSchema,
  CoSignatureCreate: coSignatureCreateSchema,
  CoSignatureRequest: coSignatureRequestSchema,
  CoSignatureList: coSignatureListSchema,
  ChangesPage: changesPageSchema,
  Member: memberSchema,
  Invitation: invitationRequestSchema,
  Etracking: etrackingSchema,
  Address: addressSchema,
} as const;

/** For the agreement test: the answers whose schema the document writes inline in its paths (lists). */
export const listAnswers = {
  'GET /catalogue': catalogueListSchema,
  'GET /spaces': spaceListSchema,
  'GET /spaces/{space}/documents': documentListSchema,
  'GET /spaces/{space}/dossiers': dossierListSchema,
  'GET /spaces/{space}/dossiers/{ref}/messages': messageListSchema,
  'GET /spaces/{space}/members': memberListSchema,
  'GET /invitations': invitationListSchema,
} as const;

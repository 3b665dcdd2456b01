import { z } from 'zod';

/**
 * Zod schemas of the authority API's answers, mirroring api/authority.openapi.yaml (components/schemas). The client
 * validates every answer with these: the server is not trusted to be well-formed. Required fields follow the
 * document (a test compares them); unknown extra fields are dropped.
 */

const dateTime = z.iso.datetime({ offset: true });
const date = z.iso.date();

export const languageSchema = z.enum(['de', 'fr', 'en']);
export const localizedTextSchema = z
  .object({ de: z.string().optional(), fr: z.string().optional(), en: z.string().optional() })
  .refine((t) => t.de !== undefined || t.fr !== undefined || t.en !== undefined, 'At least one language');
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const spaceIdSchema = z.string().regex(/^P[PM]-[A-NP-Z1-9]{6}$/);
export const ssnSchema = z.string().regex(/^[0-9]{20}$/);
export const dossierReferenceSchema = z.string().regex(/^GU-[0-9]{4}-[0-9]{7,}$/);
export const etrackingNumberSchema = z.string().regex(/^ET-[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{2}$/);
export const roleSchema = z.enum(['administrator', 'manager', 'signer', 'drafter', 'reader']);
export const dossierStatuses = ['submitted', 'received', 'in_process', 'information_requested', 'completed', 'rejected'] as const;
export const dossierStatusSchema = z.enum(dossierStatuses);
export type DossierStatus = z.infer<typeof dossierStatusSchema>;

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  errors: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const addressSchema = z.object({
  street: z.string(),
  number: z.string(),
  postalCode: z.string(),
  locality: z.string(),
  country: z.string().min(2).max(2),
});

export const challengeSchema = z.object({
  nonce: z.string().min(32),
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

export const sessionPersonSchema = z.object({
  givenName: z.string(),
  surname: z.string(),
  ssn: ssnSchema,
  privateSpaceId: spaceIdSchema,
});

export const sessionSchema = z.object({
  token: z.string().min(20),
  tokenType: z.literal('Bearer'),
  kind: z.enum(['person', 'anonymous']),
  expiresAt: dateTime,
  expiresIn: z.number().int(),
  person: sessionPersonSchema.nullable(),
});
export type ApiSession = z.infer<typeof sessionSchema>;

export const formDefinitionSummarySchema = z.looseObject({
  id: z.string().min(1),
  version: z.union([z.string(), z.number().int()]),
  audience: z.unknown(),
  requiresAuthentication: z.boolean(),
  title: z.unknown(),
});

export const catalogueListSchema = z.object({
  etag: z.string(),
  items: z.array(formDefinitionSummarySchema.and(z.object({ etag: z.string() }))),
});

export const spaceSchema = z.object({
  id: spaceIdSchema,
  kind: z.enum(['private', 'professional']),
  name: z.string(),
  role: roleSchema.nullable(),
});
export const spaceListSchema = z.object({ items: z.array(spaceSchema) });
export type ApiSpace = z.infer<typeof spaceSchema>;

export const privatePersonalDataSchema = z.object({
  kind: z.literal('private'),
  spaceId: spaceIdSchema,
  civil: z.object({
    matricule: z.string().regex(/^[0-9]{13}$/),
    givenName: z.string(),
    surname: z.string(),
    birthDate: date,
    birthPlace: z.string(),
    sex: z.enum(['F', 'M', 'X']),
    nationality: localizedTextSchema,
  }),
  address: addressSchema,
  contact: z.object({ email: z.string().optional(), phone: z.string().optional() }).optional(),
  vehicles: z.array(
    z.object({ plate: z.string(), make: z.string(), model: z.string(), firstRegistration: date, fuel: localizedTextSchema }),
  ),
  source: localizedTextSchema,
  updatedAt: dateTime,
});

export const professionalDataSchema = z.object({
  kind: z.literal('professional'),
  spaceId: spaceIdSchema,
  company: z.object({
    name: z.string(),
    legalForm: localizedTextSchema,
    rcsNumber: z.string().regex(/^[A-Z][0-9]+$/),
    vatNumber: z.string().regex(/^LU[0-9]{8}$/),
    matricule: z.string().optional(),
    address: addressSchema,
  }),
  vatBalance: z
    .object({ amount: z.string().regex(/^-?[0-9]+\.[0-9]{2}$/), currency: z.literal('EUR'), asOf: date })
    .optional(),
  source: localizedTextSchema,
  updatedAt: dateTime,
});

export const personalDataSchema = z.discriminatedUnion('kind', [privatePersonalDataSchema, professionalDataSchema]);
export type ApiPersonalData = z.infer<typeof personalDataSchema>;

export const fileRefSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const documentSchema = z.object({
  id: z.string(),
  kind: z.enum(['issued', 'uploaded']),
  title: localizedTextSchema,
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: dateTime,
  dossierReference: dossierReferenceSchema.optional(),
});
export const documentListSchema = z.object({ items: z.array(documentSchema) });
export type ApiDocument = z.infer<typeof documentSchema>;

export const dossierSchema = z.object({
  reference: dossierReferenceSchema,
  spaceId: spaceIdSchema.nullable(),
  procedureId: z.string(),
  procedureVersion: z.string(),
  procedureTitle: localizedTextSchema,
  status: dossierStatusSchema,
  repliesAllowed: z.boolean(),
  createdAt: dateTime,
  updatedAt: dateTime,
  history: z.array(z.object({ status: dossierStatusSchema, at: dateTime, note: localizedTextSchema.optional() })),
  submittedBy: z.object({ personId: z.string().nullable(), name: z.string() }),
  attachments: z.array(fileRefSchema),
  signature: z.object({ status: z.enum(['valid', 'absent']), signer: z.string().optional(), ssn: ssnSchema.optional() }),
  etrackingNumber: etrackingNumberSchema.optional(),
});
export const dossierListSchema = z.object({ items: z.array(dossierSchema) });
export type ApiDossier = z.infer<typeof dossierSchema>;

export const messageSchema = z.object({
  id: z.string(),
  dossierReference: dossierReferenceSchema,
  direction: z.enum(['authority', 'person']),
  sentAt: dateTime,
  subject: localizedTextSchema,
  body: localizedTextSchema,
  author: z.string(),
  attachments: z.array(fileRefSchema),
});
export const messageListSchema = z.object({ items: z.array(messageSchema) });
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

export const submissionDataSchema = z
  .object({
    procedureId: z.string().min(1),
    procedureVersion: z.string().min(1),
    language: languageSchema,
    data: z.record(z.string(), z.unknown()),
  })
  .strict();
export type SubmissionData = z.infer<typeof submissionDataSchema>;

export const changeItemSchema = z.discriminatedUnion('type', [
  z.object({ seq: z.number().int(), type: z.literal('dossier'), dossier: dossierSchema }),
  z.object({ seq: z.number().int(), type: z.literal('message'), message: messageSchema }),
  z.object({ seq: z.number().int(), type: z.literal('document'), document: documentSchema }),
]);
export type ChangeItem = z.infer<typeof changeItemSchema>;

export const changesPageSchema = z.object({
  items: z.array(changeItemSchema),
  nextCursor: z.string().min(1),
  hasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof changesPageSchema>;

export const memberSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  ssn: ssnSchema,
  role: roleSchema,
  status: z.enum(['active', 'invited', 'refused']),
  certificateScope: z.enum(['this', 'all']),
  invitedAt: dateTime,
});
export const memberListSchema = z.object({ items: z.array(memberSchema) });
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
  items: z.array(z.object({ id: z.string(), spaceId: spaceIdSchema, spaceName: z.string(), role: roleSchema, invitedAt: dateTime })),
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
  procedureId: z.string(),
  procedureTitle: localizedTextSchema,
  status: z.enum(['awaiting_paper', 'received', 'in_process', 'completed', 'rejected']),
  notifications: z.object({ email: z.string().nullable(), sms: z.string().nullable() }),
  language: languageSchema,
  createdAt: dateTime,
  updatedAt: dateTime,
  history: z.array(z.object({ status: z.string(), at: dateTime })),
});
export type ApiEtracking = z.infer<typeof etrackingSchema>;

/**
 * For the agreement test: which zod schema mirrors which component of the OpenAPI document (top-level objects only).
 */
export const schemaComponents = {
  Problem: problemSchema,
  Challenge: challengeSchema,
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
  SubmissionData: submissionDataSchema,
  ChangesPage: changesPageSchema,
  Member: memberSchema,
  Invitation: invitationRequestSchema,
  Etracking: etrackingSchema,
  Address: addressSchema,
} as const;

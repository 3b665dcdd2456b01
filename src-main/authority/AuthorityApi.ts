import type { z } from 'zod';
import {
  antibotChallengeSchema,
  catalogueListSchema,
  challengeSchema,
  changesPageSchema,
  coSignatureListSchema,
  coSignatureRequestSchema,
  documentListSchema,
  documentSchema,
  dossierListSchema,
  dossierSchema,
  etrackingSchema,
  formDefinitionSummarySchema,
  invitationListSchema,
  memberListSchema,
  memberSchema,
  messageListSchema,
  messageReadStateSchema,
  messageSchema,
  personalDataSchema,
  sessionSchema,
  spaceListSchema,
  type AnonymousSessionRequest,
  type CoSignatureCreate,
  type EtrackingRequest,
  type InvitationRequest,
  type ReplyRequest,
  type SubmissionData,
} from '../../src-shared/authority/apiSchemas';
import type { AuthorityClient } from './AuthorityClient';
import { encodeMultipart, type MultipartPart } from './encodeMultipart';

export interface UploadFile {
  filename: string;
  mediaType: string;
  content: Buffer;
}

const seg = (value: string) => encodeURIComponent(value);

/** The multipart parts of a submission: `submission` (JSON), optional `document` (the submission PDF), `attachments`. */
function submissionParts(submission: SubmissionData, files: { document?: UploadFile; attachments?: UploadFile[] }): MultipartPart[] {
  const parts: MultipartPart[] = [{ name: 'submission', filename: 'submission.json', contentType: 'application/json', content: Buffer.from(JSON.stringify(submission)) }];
  if (files.document) parts.push({ name: 'document', filename: files.document.filename, contentType: 'application/pdf', content: files.document.content });
  for (const file of files.attachments ?? []) parts.push({ name: 'attachments', filename: file.filename, contentType: file.mediaType, content: file.content });
  return parts;
}

/**
 * One typed function per operation of api/authority.openapi.yaml (hand-written; request and answer types come from
 * the zod schemas in src-shared/authority/apiSchemas.ts, which mirror the document's components).
 */
export class AuthorityApi {
  constructor(readonly client: AuthorityClient) {}

  // --- auth ---
  async createChallenge() {
    return (await this.client.request({ operation: 'createChallenge', method: 'POST', path: '/auth/challenge', auth: false, retry: true, schema: challengeSchema })).data;
  }

  async createSession(body: { nonce: string; certificates: string[]; signature: string }) {
    const json = { ...body, algorithm: 'RSASSA-PKCS1-v1_5-SHA256' as const };
    return (await this.client.request({ operation: 'createSession', method: 'POST', path: '/auth/session', auth: false, retry: false, json, schema: sessionSchema })).data;
  }

  /** Renewing is not idempotent (the old token ends), so it is never retried blindly. */
  async renewSession(token: string) {
    return (
      await this.client.request({
        operation: 'renewSession',
        method: 'POST',
        path: '/auth/session/renew',
        auth: false,
        retry: false,
        headers: { authorization: `Bearer ${token}` },
        schema: sessionSchema,
      })
    ).data;
  }

  async createAnonymousSession() {
    return (await this.client.request({ operation: 'createAnonymousSession', method: 'POST', path: '/auth/anonymous', auth: false, retry: true, schema: sessionSchema })).data;
  }

  /** The anti-bot question (de/fr/en) that procedures without authentication ask; the authority checks the answer. */
  async createAntibotChallenge() {
    return (
      await this.client.request({ operation: 'createAntibotChallenge', method: 'POST', path: '/auth/anonymous/challenge', auth: false, retry: true, schema: antibotChallengeSchema })
    ).data;
  }

  /**
   * An anonymous session that may submit one procedure without authentication: the answer is checked by the
   * authority (AuthorityRequestError antibot-failed: wrong, attempts left in its detail; antibot-challenge-invalid:
   * ask a new question). Never retried: a question takes one correct answer, so a retry would be refused.
   */
  async createAnsweredAnonymousSession(answer: AnonymousSessionRequest) {
    return (
      await this.client.request({ operation: 'createAnonymousSession', method: 'POST', path: '/auth/anonymous', auth: false, retry: false, json: answer, schema: sessionSchema })
    ).data;
  }

  /**
   * A submission without authentication (no space), sent with the given anonymous session's token rather than the
   * connection's session, so that a person signed in elsewhere in the app is not mixed in. SubmissionData carries
   * contact, termsAccepted and simpleSignature; the answer is the dossier with its reference (the receipt).
   */
  async createAnonymousSubmission(
    sessionToken: string,
    idempotencyKey: string,
    submission: SubmissionData,
    files: { document?: UploadFile; attachments?: UploadFile[] } = {},
  ) {
    const response = await this.client.request({
      operation: 'createAnonymousSubmission',
      method: 'POST',
      path: '/submissions',
      auth: false,
      headers: { authorization: `Bearer ${sessionToken}` },
      idempotencyKey,
      multipart: encodeMultipart(submissionParts(submission, files)),
      schema: dossierSchema,
    });
    return { dossier: response.data, replayed: response.headers['idempotent-replayed'] === 'true' };
  }

  async getSession() {
    return (await this.client.request({ operation: 'getSession', method: 'GET', path: '/auth/session', schema: sessionSchema })).data;
  }

  async deleteSession(token: string): Promise<void> {
    await this.client.request({ operation: 'deleteSession', method: 'DELETE', path: '/auth/session', auth: false, retry: false, headers: { authorization: `Bearer ${token}` }, schema: null });
  }

  // --- catalogue ---
  /** null when the ETag still matches. */
  async listCatalogue(options: { audience?: 'private' | 'professional'; etag?: string | null } = {}) {
    const response = await this.client.request({
      operation: 'listCatalogue',
      method: 'GET',
      path: '/catalogue',
      auth: false,
      query: { audience: options.audience },
      headers: options.etag ? { 'if-none-match': options.etag } : {},
      allowNotModified: true,
      schema: catalogueListSchema,
    });
    return response.status === 304 ? null : { ...response.data, etag: response.headers.etag ?? response.data.etag };
  }

  /** The definition stays unknown here (the forms engine parses it); null when the ETag still matches. */
  async getFormDefinition(id: string, etag?: string | null) {
    const response = await this.client.request({
      operation: 'getFormDefinition',
      method: 'GET',
      path: `/catalogue/${seg(id)}`,
      auth: false,
      headers: etag ? { 'if-none-match': etag } : {},
      allowNotModified: true,
      schema: formDefinitionSummarySchema,
    });
    return response.status === 304 ? null : { definition: response.data, etag: response.headers.etag ?? null };
  }

  // --- spaces ---
  async listSpaces() {
    return (await this.client.request({ operation: 'listSpaces', method: 'GET', path: '/spaces', schema: spaceListSchema })).data.items;
  }

  async getPersonalData(space: string) {
    return (await this.client.request({ operation: 'getPersonalData', method: 'GET', path: `/spaces/${seg(space)}/personal-data`, schema: personalDataSchema })).data;
  }

  async listDocuments(space: string) {
    return (await this.client.request({ operation: 'listDocuments', method: 'GET', path: `/spaces/${seg(space)}/documents`, schema: documentListSchema })).data.items;
  }

  async getDocument(space: string, id: string) {
    return (await this.client.request({ operation: 'getDocument', method: 'GET', path: `/spaces/${seg(space)}/documents/${seg(id)}`, schema: documentSchema })).data;
  }

  /** `size` (from the document's entry) keeps the deadline to what that size needs; without it, 64 MiB are allowed for. */
  async getDocumentContent(space: string, id: string, size?: number): Promise<Buffer> {
    const response = await this.client.request({
      operation: 'getDocumentContent',
      method: 'GET',
      path: `/spaces/${seg(space)}/documents/${seg(id)}/content`,
      headers: { accept: 'application/pdf, image/jpeg, image/png, application/problem+json' },
      schema: null,
      binary: true,
      ...(size !== undefined ? { expectedBytes: size } : {}),
    });
    return response.data ?? Buffer.alloc(0);
  }

  // --- dossiers ---
  async listDossiers(space: string) {
    return (await this.client.request({ operation: 'listDossiers', method: 'GET', path: `/spaces/${seg(space)}/dossiers`, schema: dossierListSchema })).data.items;
  }

  async getDossier(space: string, reference: string) {
    return (await this.client.request({ operation: 'getDossier', method: 'GET', path: `/spaces/${seg(space)}/dossiers/${seg(reference)}`, schema: dossierSchema })).data;
  }

  async listMessages(space: string, reference: string) {
    return (
      await this.client.request({ operation: 'listMessages', method: 'GET', path: `/spaces/${seg(space)}/dossiers/${seg(reference)}/messages`, schema: messageListSchema })
    ).data.items;
  }

  async createReply(space: string, reference: string, idempotencyKey: string, body: ReplyRequest) {
    return (
      await this.client.request({
        operation: 'createReply',
        method: 'POST',
        path: `/spaces/${seg(space)}/dossiers/${seg(reference)}/replies`,
        idempotencyKey,
        json: body,
        schema: messageSchema,
      })
    ).data;
  }

  /** The person read (or un-read) a message of the authority; idempotent by its key. */
  async markMessageRead(space: string, reference: string, id: string, idempotencyKey: string, read: boolean) {
    return (
      await this.client.request({
        operation: 'markMessageRead',
        method: 'POST',
        path: `/spaces/${seg(space)}/dossiers/${seg(reference)}/messages/${seg(id)}/read`,
        idempotencyKey,
        json: { read },
        schema: messageReadStateSchema,
      })
    ).data;
  }

  /** The authority's trust anchor and its chain (PEM), for checking the documents it signs. */
  async getTrustAnchors(): Promise<{ root: string; chain: string }> {
    const pem = async (operation: string, path: string) => {
      const response = await this.client.request({ operation, method: 'GET', path, auth: false, headers: { accept: 'application/x-pem-file' }, schema: null, binary: true, expectedBytes: 64 * 1024 });
      return (response.data ?? Buffer.alloc(0)).toString('latin1').slice(0, 64 * 1024);
    };
    return { root: await pem('getRootCertificate', '/pki/root.pem'), chain: await pem('getChain', '/pki/chain.pem') };
  }

  /** multipart: `submission` (JSON), optional `document` (the submission PDF), `attachments`. space null: anonymous. */
  async createSubmission(space: string | null, idempotencyKey: string, submission: SubmissionData, files: { document?: UploadFile; attachments?: UploadFile[] } = {}) {
    const parts: MultipartPart[] = [{ name: 'submission', filename: 'submission.json', contentType: 'application/json', content: Buffer.from(JSON.stringify(submission)) }];
    if (files.document) parts.push({ name: 'document', filename: files.document.filename, contentType: 'application/pdf', content: files.document.content });
    for (const file of files.attachments ?? []) parts.push({ name: 'attachments', filename: file.filename, contentType: file.mediaType, content: file.content });
    const response = await this.client.request({
      operation: space ? 'createSubmission' : 'createAnonymousSubmission',
      method: 'POST',
      path: space ? `/spaces/${seg(space)}/submissions` : '/submissions',
      idempotencyKey,
      multipart: encodeMultipart(parts),
      schema: dossierSchema,
    });
    return { dossier: response.data, replayed: response.headers['idempotent-replayed'] === 'true' };
  }

  async listChanges(space: string, cursor: string | null, limit: number) {
    return (
      await this.client.request({
        operation: 'listChanges',
        method: 'GET',
        path: `/spaces/${seg(space)}/changes`,
        query: { cursor, limit },
        schema: changesPageSchema,
      })
    ).data;
  }

  // --- co-signatures (double signature with transfer to another space) ---
  /**
   * Sends the PDF the requester signed (PAdES) to the co-signer's space instead of submitting it. multipart:
   * `request` (JSON CoSignatureCreate), `document` (the signed PDF), `attachments`.
   */
  async createCoSignature(space: string, idempotencyKey: string, request: CoSignatureCreate, files: { document: UploadFile; attachments?: UploadFile[] }) {
    const parts: MultipartPart[] = [{ name: 'request', filename: 'request.json', contentType: 'application/json', content: Buffer.from(JSON.stringify(request)) }];
    parts.push({ name: 'document', filename: files.document.filename, contentType: 'application/pdf', content: files.document.content });
    for (const file of files.attachments ?? []) parts.push({ name: 'attachments', filename: file.filename, contentType: file.mediaType, content: file.content });
    const response = await this.client.request({
      operation: 'createCoSignature',
      method: 'POST',
      path: `/spaces/${seg(space)}/cosignatures`,
      idempotencyKey,
      multipart: encodeMultipart(parts),
      schema: coSignatureRequestSchema,
    });
    return response.data;
  }

  /** `{ items }`: the requests where the space is the requester's or the co-signer's, newest first. */
  async listCoSignatures(space: string) {
    return (await this.client.request({ operation: 'listCoSignatures', method: 'GET', path: `/spaces/${seg(space)}/cosignatures`, schema: coSignatureListSchema })).data;
  }

  /** The PDF exactly as the requester uploaded it: the co-signer appends their signature to these bytes. */
  async getCoSignatureDocument(space: string, id: string, size?: number): Promise<Buffer> {
    const response = await this.client.request({
      operation: 'getCoSignatureDocument',
      method: 'GET',
      path: `/spaces/${seg(space)}/cosignatures/${seg(id)}/document`,
      headers: { accept: 'application/pdf, application/problem+json' },
      schema: null,
      binary: true,
      ...(size !== undefined ? { expectedBytes: size } : {}),
    });
    return response.data ?? Buffer.alloc(0);
  }

  /** The co-signer's PDF (the stored one + an incremental update with their signature); the answer is the dossier. */
  async completeCoSignature(space: string, id: string, idempotencyKey: string, document: UploadFile) {
    const response = await this.client.request({
      operation: 'completeCoSignature',
      method: 'POST',
      path: `/spaces/${seg(space)}/cosignatures/${seg(id)}/complete`,
      idempotencyKey,
      multipart: encodeMultipart([{ name: 'document', filename: document.filename, contentType: 'application/pdf', content: document.content }]),
      schema: dossierSchema,
    });
    return { dossier: response.data, replayed: response.headers['idempotent-replayed'] === 'true' };
  }

  async declineCoSignature(space: string, id: string) {
    return (
      await this.client.request({
        operation: 'declineCoSignature',
        method: 'POST',
        path: `/spaces/${seg(space)}/cosignatures/${seg(id)}/decline`,
        retry: false,
        schema: coSignatureRequestSchema,
      })
    ).data;
  }

  // --- members ---
  async listMembers(space: string) {
    return (await this.client.request({ operation: 'listMembers', method: 'GET', path: `/spaces/${seg(space)}/members`, schema: memberListSchema })).data.items;
  }

  async inviteMember(space: string, invitation: InvitationRequest) {
    return (await this.client.request({ operation: 'inviteMember', method: 'POST', path: `/spaces/${seg(space)}/members`, json: invitation, schema: memberSchema })).data;
  }

  async changeMemberRole(space: string, member: string, role: InvitationRequest['role']) {
    return (
      await this.client.request({ operation: 'changeMemberRole', method: 'PATCH', path: `/spaces/${seg(space)}/members/${seg(member)}`, json: { role }, schema: memberSchema })
    ).data;
  }

  async removeMember(space: string, member: string): Promise<void> {
    await this.client.request({ operation: 'removeMember', method: 'DELETE', path: `/spaces/${seg(space)}/members/${seg(member)}`, schema: null });
  }

  async listInvitations() {
    return (await this.client.request({ operation: 'listInvitations', method: 'GET', path: '/invitations', schema: invitationListSchema })).data.items;
  }

  async acceptInvitation(id: string) {
    return (await this.client.request({ operation: 'acceptInvitation', method: 'POST', path: `/invitations/${seg(id)}/accept`, schema: memberSchema })).data;
  }

  async refuseInvitation(id: string) {
    return (await this.client.request({ operation: 'refuseInvitation', method: 'POST', path: `/invitations/${seg(id)}/refuse`, schema: memberSchema })).data;
  }

  // --- eTracking ---
  async createEtracking(request: EtrackingRequest) {
    return (await this.client.request({ operation: 'createEtracking', method: 'POST', path: '/etracking', json: request, schema: etrackingSchema })).data;
  }

  async getEtracking(number: string) {
    return (await this.client.request({ operation: 'getEtracking', method: 'GET', path: `/etracking/${seg(number)}`, auth: false, schema: etrackingSchema })).data;
  }
}

export type ApiSessionAnswer = z.infer<typeof sessionSchema>;

/**
 * One entry per contract call: how many hostile inputs the fuzz test sends, and an optional seed that reaches past
 * the first level of the schema (the fuzzer also replaces each of the seed's fields). A call added to the contract
 * without an entry here fails ipcFuzz.test.ts.
 */
export interface FuzzCase {
  /** Valid-looking input whose fields are mutated one by one; by default, the schema's own keys. */
  seed?: Record<string, unknown>;
  /** Fewer runs for calls whose valid inputs cost (scrypt: about 0.4 s each). */
  runs?: number;
}

const handle = `fh_${'A'.repeat(22)}`;
const slow = { runs: 6 };

export const fuzzCases: Record<string, FuzzCase> = {
  'app.info': {},
  'app.health': {},
  'app.pickFile': { seed: { purpose: 'pkcs12', title: 'x' } },
  'app.pickSaveFile': { seed: { purpose: 'vaultBackup', title: 'x', defaultName: 'a.gvbak' } },
  'app.answerHostDialog': { seed: { id: `dlg_${'A'.repeat(16)}`, answer: { name: 'a.gvbak' } } },
  'app.openExternal': { seed: { url: 'https://guichet.public.lu/' } },
  'settings.get': {},
  'settings.set': { seed: { language: 'fr', idleLockMinutes: 5, authorityUrl: null, proxyUrl: null } },
  'vault.status': {},
  'vault.create': { ...slow, seed: { passphrase: 'a long enough passphrase', useKeychain: false } },
  'vault.unlock': { ...slow, seed: { passphrase: 'not the passphrase' } },
  'vault.unlockWithKeychain': {},
  'vault.lock': {},
  'vault.changePassphrase': { ...slow, seed: { oldPassphrase: 'x', newPassphrase: 'y' } },
  'vault.setKeychain': { seed: { enabled: true } },
  'vault.rekey': { ...slow, seed: { passphrase: 'x' } },
  'vault.backup': { seed: { saveTo: handle } },
  'vault.listBackups': {},
  'vault.restore': { ...slow, seed: { source: { listed: 'a.gvbak' }, passphrase: 'x' } },
  'vault.setAsideDamaged': { seed: { confirm: true } },
  'vault.touch': {},
  'vault.profiles': {},
  'vault.selectProfile': { seed: { profileId: 'a0b1c2d3e4f5' } },
  'vault.createProfile': { ...slow, seed: { passphrase: 'a long enough passphrase', useKeychain: false } },
  'vault.confirmAuthoritySwitch': { seed: { authorityUrl: null } },
  'catalogue.list': {},
  'catalogue.get': { seed: { procedureId: 'change-of-address' } },
  'drafts.list': { seed: { spaceId: 'private', limit: 10 } },
  'drafts.get': { seed: { id: 'draft-0001' } },
  'drafts.save': { seed: { id: 'draft-0001', procedureId: 'change-of-address', formVersion: 1, title: 't', values: {}, attachmentRefs: [] } },
  'drafts.delete': { seed: { id: 'draft-0001' } },
  'drafts.uploadAttachment': { seed: { uploadId: 'abcdefgh', index: 0, last: true, name: 'a.pdf', mediaType: 'application/pdf', chunkBase64: 'JVBERi0=' } },
  'drafts.removeAttachment': { seed: { ref: 'att-1' } },
  'personalData.prefill': {},
  'connection.status': {},
  'session.status': {},
  'sync.now': { runs: 4 },
  'dossiers.list': { seed: { spaceId: 'PP-ABC123', page: 1, pageSize: 10 } },
  'dossiers.get': { seed: { reference: 'REF-1' } },
  'dossiers.documents': { seed: { reference: 'REF-1' } },
  'dossiers.openDocument': { seed: { reference: 'REF-1', documentId: 'doc-1' } },
  'dossiers.saveDocument': { seed: { reference: 'REF-1', documentId: 'doc-1', saveTo: handle } },
  'dossiers.verifyDocument': { seed: { reference: 'REF-1', documentId: 'doc-1' } },
  'dossiers.attachFile': { seed: { fileHandle: handle, spaceId: 'PP-ABC123' } },
  'messages.list': { seed: { reference: 'REF-1' } },
  'mailbox.list': { seed: { reference: 'REF-1', unreadOnly: true, withAttachments: false, page: 1, pageSize: 20 } },
  'mailbox.counts': {},
  'mailbox.get': { seed: { messageId: 'MSG-1' } },
  'mailbox.markRead': { seed: { messageId: 'MSG-1', read: true } },
  'mailbox.attachment': { seed: { messageId: 'MSG-1', fileId: 'DOC-1' } },
  'mailbox.saveAttachment': { seed: { messageId: 'MSG-1', fileId: 'DOC-1', saveTo: handle } },
  'messages.reply': { seed: { spaceId: 'PP-ABC123', reference: 'REF-1', body: 'hello', language: 'fr', attachmentIds: [] } },
  'submissions.enqueue': {
    seed: { spaceId: 'PP-ABC123', procedureId: 'change-of-address', procedureVersion: '1', language: 'fr', data: {}, attachmentIds: [] },
  },
  'outbox.list': { seed: { status: 'pending', limit: 10 } },
  'submissions.prepare': { seed: { draftId: 'draft-0001', language: 'fr' } },
  'submissions.preview': { seed: { preparedId: `prep-${'a'.repeat(32)}` } },
  'submissions.signers': { seed: { preparedId: `prep-${'a'.repeat(32)}` } },
  'submissions.sign': {
    seed: { preparedId: `prep-${'a'.repeat(32)}`, identity: { kind: 'token', moduleId: 'softhsm2-00000000', slotId: '1', certificateId: '02' }, pin: '123456', approved: true },
  },
  'submissions.signBatch': {
    seed: {
      preparedIds: [`prep-${'a'.repeat(32)}`, `prep-${'b'.repeat(32)}`],
      identity: { kind: 'token', moduleId: 'softhsm2-00000000', slotId: '1', certificateId: '02' },
      pin: '123456',
      approved: true,
    },
  },
  'submissions.submitUnsigned': { seed: { preparedId: `prep-${'a'.repeat(32)}`, approved: true } },
  'submissions.antibot': {},
  'submissions.submitAnonymous': {
    seed: {
      preparedId: `prep-${'a'.repeat(32)}`,
      challengeId: 'c'.repeat(20),
      answer: '7',
      contact: { email: 'a@example.lu' },
      termsAccepted: true,
      signature: { name: 'Anne Schmit', consent: true },
    },
  },
  'cosignatures.send': {
    seed: { preparedId: `prep-${'a'.repeat(32)}`, identity: { kind: 'token', moduleId: 'softhsm2-00000000', slotId: '1', certificateId: '02' }, pin: '123456', approved: true, coSignerSpaceId: 'PP-B2M8XR' },
  },
  'cosignatures.list': {},
  'cosignatures.open': { seed: { requestId: 'COS-1' } },
  'cosignatures.signers': { seed: { openedId: `cos-${'a'.repeat(32)}` } },
  'cosignatures.complete': { seed: { openedId: `cos-${'a'.repeat(32)}`, identity: { kind: 'pkcs12', id: 'p12-0123456789abcdef' }, approved: true } },
  'cosignatures.decline': { seed: { requestId: 'COS-1' } },
  'submissions.state': { seed: { draftId: 'draft-0001' } },
  'submissions.list': {},
  'submissions.document': { seed: { draftId: 'draft-0001', which: 'receipt' } },
  'submissions.saveDocument': { seed: { draftId: 'draft-0001', which: 'receipt', saveTo: handle } },
  'tokens.list': {},
  'tokens.refresh': {},
  'search.query': { seed: { text: 'adresse bail', language: 'fr', limit: 8 } },
  'dashboard.query': { seed: { filter: 'all', sort: 'updated', direction: 'desc', text: 'adresse', language: 'en', offset: 0, limit: 50 } },
  'tokens.pinInfo': { seed: { moduleId: 'softhsm2-00000000', slotId: '1' } },
  'tokens.changePin': { seed: { moduleId: 'softhsm2-00000000', slotId: '1', oldPin: '1234', newPin: '5678' } },
  'tokens.unblockPin': { seed: { moduleId: 'softhsm2-00000000', slotId: '1', puk: '12345678', newPin: '5678' } },
  'tokens.addPkcs12': { seed: { fileHandle: handle, password: 'x' } },
  'tokens.addModule': { seed: { fileHandle: handle } },
  'tokens.removeModule': { seed: { moduleId: 'softhsm2-00000000' } },
  'tokens.removePkcs12': { seed: { id: 'p12-0000000000000000' } },
  'session.signIn': { seed: { identity: { kind: 'pkcs12', id: 'p12-0000000000000000' }, pin: '1234' } },
  'session.signOut': {},
};

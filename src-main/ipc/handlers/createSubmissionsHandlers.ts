import type { submissionsCalls } from '../../../src-shared/contract/submissionsContract';
import type { HandlersFor } from '../HandlersFor';
import type { FileHandleRegistry } from '../../files/FileHandleRegistry';
import type { SubmissionService } from '../../submissions/SubmissionService';
import type { BatchSigning } from '../../submissions/BatchSigning';
import type { AnonymousSubmission } from '../../submissions/AnonymousSubmission';
import type { SubmissionDocuments } from '../../submissions/SubmissionDocuments';
import type { AuthorityApi } from '../../authority/AuthorityApi';

export function createSubmissionsHandlers(deps: {
  submissions: SubmissionService;
  batch: BatchSigning;
  anonymous: AnonymousSubmission;
  documents: SubmissionDocuments;
  files: FileHandleRegistry;
  api: () => Promise<AuthorityApi>;
}): HandlersFor<typeof submissionsCalls> {
  const { submissions, anonymous, documents, files } = deps;
  return {
    'submissions.prepare': (input) => submissions.prepare(input),
    'submissions.preview': ({ preparedId }) => submissions.preview(preparedId),
    'submissions.signers': ({ preparedId }) => submissions.signers(preparedId),
    // The token service takes the PIN's buffer over and zero-fills it after the login.
    'submissions.sign': ({ preparedId, identity, pin }) => submissions.sign({ preparedId, identity, ...(pin === undefined ? {} : { pin: Buffer.from(pin, 'utf8') }) }),
    'submissions.signBatch': ({ preparedIds, identity, pin }) => deps.batch.sign({ preparedIds, identity, ...(pin === undefined ? {} : { pin: Buffer.from(pin, 'utf8') }) }),
    'submissions.submitUnsigned': ({ preparedId }) => submissions.submitUnsigned(preparedId),
    'submissions.antibot': async () => {
      const challenge = await (await deps.api()).createAntibotChallenge();
      return { challengeId: challenge.challengeId, question: challenge.question, attemptsLeft: challenge.attemptsLeft, expiresAt: challenge.expiresAt };
    },
    'submissions.submitAnonymous': ({ preparedId, challengeId, answer, contact, signature }) => anonymous.submit({ preparedId, challengeId, answer, contact, signature }),
    'submissions.state': ({ draftId }) => ({ state: submissions.state(draftId) }),
    'submissions.list': () => ({ items: submissions.list() }),
    'submissions.document': ({ draftId, which }) => {
      const document = documents.read(draftId, which);
      return { pdfBase64: document.content.toString('base64'), name: document.name };
    },
    'submissions.saveDocument': async ({ draftId, which, saveTo }) => {
      const target = files.take(saveTo, 'pdfDocument', 'save');
      return documents.save(draftId, which, target);
    },
  };
}

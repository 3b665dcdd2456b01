import type { DocumentLocale } from './pdfLayout';

/** The fixed texts of the documents the app makes, per language. Form labels and values come with the input. */
export interface DocumentLabels {
  submissionTitle: string;
  receiptTitle: string;
  etrackingTitle: string;
  procedure: string;
  procedureId: string;
  version: string;
  space: string;
  submittedBy: string;
  date: string;
  reference: string;
  noReference: string;
  attachments: string;
  noAttachments: string;
  fileName: string;
  mediaType: string;
  size: string;
  sha256: string;
  page: (page: number, total: number) => string;
  generatedBy: string;
  submittedAt: string;
  receivedAt: string;
  status: string;
  signedBy: string;
  notSigned: string;
  documents: string;
  submissionDocument: string;
  receiptNote: string;
  etrackingNumber: string;
  createdAt: string;
  followUp: string;
  email: string;
  sms: string;
  noFollowUp: string;
  lookup: string;
  etrackingInstructions: string[];
  signatureNote: string;
  /** The block of a simple electronic signature (typed name, no certificate): procedures without authentication. */
  simpleSignatureTitle: string;
  signatoryName: string;
  /** What the person consents to by typing their name; shown in the app with the same words. */
  simpleSignatureConsent: string;
  consent: string;
  signedAt: string;
  contactEmail: string;
  contactPhone: string;
  /** Replaces signatureNote when the document carries a simple signature instead of a PAdES one. */
  simpleSignatureNote: string;
  /** Answers in the submission PDF, as the review step shows them (same words as the app's forms.review.*). */
  answers: { yes: string; no: string; empty: string; none: string; row: string };
}

export const documentLabels: Record<DocumentLocale, DocumentLabels> = {
  de: {
    submissionTitle: 'Antrag',
    receiptTitle: 'Empfangsbestätigung',
    etrackingTitle: 'eTracking-Bestätigung',
    procedure: 'Verfahren',
    procedureId: 'Verfahrenskennung',
    version: 'Version des Formulars',
    space: 'Bereich',
    submittedBy: 'Antragsteller',
    date: 'Datum',
    reference: 'Aktenzeichen',
    noReference: 'wird bei der Einreichung vergeben',
    attachments: 'Anlagen',
    noAttachments: 'Keine Anlagen.',
    fileName: 'Datei',
    mediaType: 'Typ',
    size: 'Größe',
    sha256: 'SHA-256',
    page: (p, n) => `Seite ${p} von ${n}`,
    generatedBy: 'Erstellt mit Guichet Desktop',
    submittedAt: 'Eingereicht am',
    receivedAt: 'Eingegangen am',
    status: 'Status',
    signedBy: 'Unterzeichnet von',
    notSigned: 'nicht unterzeichnet',
    documents: 'Übermittelte Dokumente',
    submissionDocument: 'Antrag (PDF)',
    receiptNote: 'Bewahren Sie diese Bestätigung auf. Mit dem Aktenzeichen können Sie den Stand Ihres Antrags verfolgen.',
    etrackingNumber: 'eTracking-Nummer',
    createdAt: 'Erstellt am',
    followUp: 'Benachrichtigungen',
    email: 'E-Mail',
    sms: 'SMS',
    noFollowUp: 'keine',
    lookup: 'Stand abfragen',
    etrackingInstructions: [
      'Schreiben Sie diese Nummer gut lesbar auf die erste Seite Ihres Papierformulars oder legen Sie diese Seite bei.',
      'Senden Sie das Formular wie gewohnt an die zuständige Behörde.',
      'Sie werden über die gewählten Kanäle benachrichtigt, sobald sich der Stand ändert.',
    ],
    signatureNote: 'Dieses Dokument wird elektronisch unterzeichnet (PAdES). Die Unterschrift deckt den gesamten Inhalt ab.',
    simpleSignatureTitle: 'Einfache elektronische Signatur',
    signatoryName: 'Eingegebener Name',
    simpleSignatureConsent:
      'Mit der Eingabe meines Namens unterzeichne ich diesen Antrag und bestätige, dass meine Angaben richtig und vollständig sind.',
    consent: 'Einverständnis',
    signedAt: 'Unterzeichnet am',
    contactEmail: 'Kontakt-E-Mail',
    contactPhone: 'Kontakttelefon',
    simpleSignatureNote:
      'Dieser Antrag wurde ohne Anmeldung eingereicht und mit einer einfachen elektronischen Signatur (eingegebener Name) unterzeichnet, nicht mit einem Zertifikat.',
    answers: { yes: 'Ja', no: 'Nein', empty: 'Keine Angabe', none: 'Keine', row: 'Eintrag' },
  },
  fr: {
    submissionTitle: 'Demande',
    receiptTitle: 'Accusé de réception',
    etrackingTitle: 'Confirmation eTracking',
    procedure: 'Démarche',
    procedureId: 'Identifiant de la démarche',
    version: 'Version du formulaire',
    space: 'Espace',
    submittedBy: 'Demandeur',
    date: 'Date',
    reference: 'Référence',
    noReference: 'attribuée lors de l’envoi',
    attachments: 'Pièces jointes',
    noAttachments: 'Aucune pièce jointe.',
    fileName: 'Fichier',
    mediaType: 'Type',
    size: 'Taille',
    sha256: 'SHA-256',
    page: (p, n) => `Page ${p} sur ${n}`,
    generatedBy: 'Généré par Guichet Desktop',
    submittedAt: 'Envoyée le',
    receivedAt: 'Reçue le',
    status: 'Statut',
    signedBy: 'Signée par',
    notSigned: 'non signée',
    documents: 'Documents transmis',
    submissionDocument: 'Demande (PDF)',
    receiptNote: 'Conservez cet accusé de réception. La référence vous permet de suivre l’avancement de votre demande.',
    etrackingNumber: 'Numéro eTracking',
    createdAt: 'Créé le',
    followUp: 'Notifications',
    email: 'E-mail',
    sms: 'SMS',
    noFollowUp: 'aucune',
    lookup: 'Consulter le statut',
    etrackingInstructions: [
      'Inscrivez ce numéro lisiblement sur la première page de votre formulaire papier ou joignez cette page.',
      'Envoyez le formulaire à l’administration compétente comme d’habitude.',
      'Vous serez averti par les canaux choisis dès que le statut change.',
    ],
    signatureNote: 'Ce document est signé électroniquement (PAdES). La signature couvre l’ensemble du contenu.',
    simpleSignatureTitle: 'Signature électronique simple',
    signatoryName: 'Nom saisi',
    simpleSignatureConsent: 'En saisissant mon nom, je signe cette demande et je certifie que mes indications sont exactes et complètes.',
    consent: 'Consentement',
    signedAt: 'Signée le',
    contactEmail: 'E-mail de contact',
    contactPhone: 'Téléphone de contact',
    simpleSignatureNote:
      'Cette demande a été envoyée sans authentification et signée par une signature électronique simple (nom saisi), non par un certificat.',
    answers: { yes: 'Oui', no: 'Non', empty: 'Non renseigné', none: 'Aucun', row: 'Entrée' },
  },
  en: {
    submissionTitle: 'Application',
    receiptTitle: 'Acknowledgement of receipt',
    etrackingTitle: 'eTracking confirmation',
    procedure: 'Procedure',
    procedureId: 'Procedure identifier',
    version: 'Form version',
    space: 'Space',
    submittedBy: 'Applicant',
    date: 'Date',
    reference: 'Reference',
    noReference: 'assigned on submission',
    attachments: 'Attachments',
    noAttachments: 'No attachments.',
    fileName: 'File',
    mediaType: 'Type',
    size: 'Size',
    sha256: 'SHA-256',
    page: (p, n) => `Page ${p} of ${n}`,
    generatedBy: 'Generated by Guichet Desktop',
    submittedAt: 'Submitted on',
    receivedAt: 'Received on',
    status: 'Status',
    signedBy: 'Signed by',
    notSigned: 'not signed',
    documents: 'Documents transmitted',
    submissionDocument: 'Application (PDF)',
    receiptNote: 'Keep this acknowledgement. The reference lets you follow the progress of your application.',
    etrackingNumber: 'eTracking number',
    createdAt: 'Created on',
    followUp: 'Notifications',
    email: 'E-mail',
    sms: 'SMS',
    noFollowUp: 'none',
    lookup: 'Look up the status',
    etrackingInstructions: [
      'Write this number legibly on the first page of your paper form, or enclose this page.',
      'Send the form to the competent authority as usual.',
      'You will be notified through the chosen channels as soon as the status changes.',
    ],
    signatureNote: 'This document is signed electronically (PAdES). The signature covers its whole content.',
    simpleSignatureTitle: 'Simple electronic signature',
    signatoryName: 'Name typed',
    simpleSignatureConsent: 'By typing my name, I sign this request and confirm that the information I gave is accurate and complete.',
    consent: 'Consent',
    signedAt: 'Signed on',
    contactEmail: 'Contact e-mail',
    contactPhone: 'Contact phone',
    simpleSignatureNote:
      'This request was sent without authentication and signed with a simple electronic signature (typed name), not with a certificate.',
    answers: { yes: 'Yes', no: 'No', empty: 'Not given', none: 'None', row: 'Entry' },
  },
};

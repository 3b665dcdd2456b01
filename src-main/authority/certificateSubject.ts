import * as x509 from '@peculiar/x509';

/**
 * The holder's name and subject serial number (OID 2.5.4.5: the national identification number a LuxTrust or eID
 * authentication certificate carries) of a base64 DER certificate; nulls when it cannot be read.
 */
export function certificateSubject(base64Der: string | undefined): { holder: string | null; ssn: string | null } {
  if (!base64Der) return { holder: null, ssn: null };
  try {
    const subject = new x509.X509Certificate(new Uint8Array(Buffer.from(base64Der, 'base64'))).subjectName;
    return { holder: subject.getField('CN')[0] ?? null, ssn: subject.getField('2.5.4.5')[0] ?? null };
  } catch {
    return { holder: null, ssn: null };
  }
}

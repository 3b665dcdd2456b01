import * as asn1js from 'asn1js';
import * as x509 from '@peculiar/x509';

export const oids = {
  qcStatements: '1.3.6.1.5.5.7.1.3',
  qcCompliance: '0.4.0.1862.1.1',
  qcSscd: '0.4.0.1862.1.4',
  qcType: '0.4.0.1862.1.6',
  qcTypeESign: '0.4.0.1862.1.6.1',
  qcTypeESeal: '0.4.0.1862.1.6.2',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  /** Sandbox policy arc under the ITU "example" arc 2.999: never a real policy. */
  sandboxPolicyQualified: '2.999.1.1',
  sandboxPolicyAuth: '2.999.1.2',
  sandboxPolicyTsa: '2.999.1.3',
} as const;

/** QCStatements (ETSI EN 319 412-5): QcCompliance, QcSSCD and QcType (eSign or eSeal). */
export function qcStatementsExtension(type: 'esign' | 'eseal'): x509.Extension {
  const statement = (id: string, info?: asn1js.AsnType) =>
    new asn1js.Sequence({ value: info ? [new asn1js.ObjectIdentifier({ value: id }), info] : [new asn1js.ObjectIdentifier({ value: id })] });
  const qcType = new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: type === 'esign' ? oids.qcTypeESign : oids.qcTypeESeal })],
  });
  const value = new asn1js.Sequence({
    value: [statement(oids.qcCompliance), statement(oids.qcSscd), statement(oids.qcType, qcType)],
  });
  return new x509.Extension(oids.qcStatements, false, value.toBER(false));
}

export function crlDistributionPoint(url: string): x509.Extension {
  return new x509.CRLDistributionPointsExtension([url]);
}

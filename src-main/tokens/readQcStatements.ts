import * as asn1js from 'asn1js';

export const QC_STATEMENTS_OID = '1.3.6.1.5.5.7.1.3';
const QC_COMPLIANCE = '0.4.0.1862.1.1';
const QC_TYPE = '0.4.0.1862.1.6';
const qcTypeNames: Record<string, string> = {
  '0.4.0.1862.1.6.1': 'esign',
  '0.4.0.1862.1.6.2': 'eseal',
  '0.4.0.1862.1.6.3': 'web',
};

/** QCStatements (ETSI EN 319 412-5): QcCompliance means EU qualified; QcType says esign / eseal / web. */
export function readQcStatements(extensionValue: ArrayBuffer): { qualified: boolean; qcTypes: string[] } {
  const parsed = asn1js.fromBER(extensionValue);
  const result = { qualified: false, qcTypes: [] as string[] };
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return result;
  for (const statement of parsed.result.valueBlock.value) {
    if (!(statement instanceof asn1js.Sequence)) continue;
    const [id, info] = statement.valueBlock.value;
    if (!(id instanceof asn1js.ObjectIdentifier)) continue;
    const oid = id.valueBlock.toString();
    if (oid === QC_COMPLIANCE) result.qualified = true;
    if (oid === QC_TYPE && info instanceof asn1js.Sequence) {
      for (const type of info.valueBlock.value) {
        if (type instanceof asn1js.ObjectIdentifier) {
          const typeOid = type.valueBlock.toString();
          result.qcTypes.push(qcTypeNames[typeOid] ?? typeOid);
        }
      }
    }
  }
  return result;
}

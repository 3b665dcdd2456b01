import { createHash, randomBytes } from 'node:crypto';
import axios, { type AxiosInstance } from 'axios';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { NetworkError } from '../../src-shared/errors';
import { TimestampError } from './errors';
import { setupPkijs, toArrayBuffer } from './pkiSetup';

const SHA256 = '2.16.840.1.101.3.4.2.1';

export interface TimestampOptions {
  /** The TSA's RFC 3161 endpoint (e.g. `${sandbox.apiUrl}/tsa`). */
  url: string;
  timeoutMs?: number;
  /** Requested TSA policy OID; default none (the TSA's default). */
  policy?: string;
  /** Injected HTTP client (proxy settings); default axios. */
  http?: AxiosInstance;
}

export interface Timestamp {
  /** The TimeStampToken: a CMS ContentInfo (SignedData over TSTInfo), DER. */
  token: Buffer;
  genTime: Date;
  serialNumber: string;
}

/**
 * Asks an RFC 3161 TSA for a timestamp over `data` (SHA-256 imprint, a fresh nonce, certReq), and checks that the
 * answer is granted and matches the request. Unreachable TSA -> NetworkError; refusal or a wrong answer -> TimestampError.
 */
export async function requestTimestamp(data: Uint8Array, options: TimestampOptions): Promise<Timestamp> {
  setupPkijs();
  const imprint = createHash('sha256').update(data).digest();
  const nonce = newNonce();
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
    ...(options.policy ? { reqPolicy: options.policy } : {}),
  });
  const body = Buffer.from(req.toSchema().toBER(false));
  const http = options.http ?? axios;
  let answer: Buffer;
  try {
    const res = await http.post<ArrayBuffer>(options.url, body, {
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      responseType: 'arraybuffer',
      timeout: options.timeoutMs ?? 15_000,
      validateStatus: () => true,
    });
    if (res.status !== 200) {
      throw new TimestampError(`The time-stamping authority answered HTTP ${res.status}.`, { url: options.url, status: res.status });
    }
    answer = Buffer.from(res.data);
  } catch (e) {
    if (e instanceof TimestampError) throw e;
    const err = e as { code?: string; message?: string };
    throw new NetworkError('The time-stamping authority could not be reached.', { url: options.url, code: err.code ?? null }, { cause: e });
  }

  let resp: pkijs.TimeStampResp;
  try {
    resp = pkijs.TimeStampResp.fromBER(toArrayBuffer(answer));
  } catch {
    throw new TimestampError('The time-stamping authority sent an answer that is not a time-stamp reply.', { url: options.url });
  }
  const status = resp.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const text = (resp.status.statusStrings ?? []).map((s) => s.valueBlock.value).join(' ');
    throw new TimestampError(`The time-stamping authority refused the request${text ? `: ${text}` : ''}.`, { url: options.url, status });
  }
  if (!resp.timeStampToken) throw new TimestampError('The time-stamp reply has no token.', { url: options.url });
  const token = Buffer.from(resp.timeStampToken.toSchema().toBER(false));
  const info = readTstInfo(token);
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(imprint)) {
    throw new TimestampError('The timestamp is not over the data that was sent.', { url: options.url });
  }
  if (!info.nonce || !sameInteger(info.nonce.valueBlock.valueHexView, nonce)) {
    throw new TimestampError('The timestamp does not answer this request (nonce).', { url: options.url });
  }
  return { token, genTime: info.genTime, serialNumber: Buffer.from(info.serialNumber.valueBlock.valueHexView).toString('hex') };
}

/** The TSTInfo inside a TimeStampToken. */
export function readTstInfo(token: Uint8Array): pkijs.TSTInfo {
  setupPkijs();
  const ci = pkijs.ContentInfo.fromBER(toArrayBuffer(token));
  const sd = new pkijs.SignedData({ schema: ci.content });
  const eContent = sd.encapContentInfo.eContent;
  if (!eContent) throw new TimestampError('The timestamp token has no TSTInfo.');
  return pkijs.TSTInfo.fromBER(toArrayBuffer(eContentBytes(eContent)));
}

/** The bytes of an eContent OCTET STRING (primitive or constructed). */
export function eContentBytes(eContent: asn1js.OctetString): Uint8Array {
  if (!eContent.idBlock.isConstructed) return eContent.valueBlock.valueHexView;
  return Buffer.concat((eContent.valueBlock.value as asn1js.OctetString[]).map((p) => Buffer.from(p.valueBlock.valueHexView)));
}

/** 63 random bits (a zero first byte made 1) as a positive INTEGER in minimal DER: high bit clear, no leading zero byte. */
export function newNonce(random: (n: number) => Buffer = randomBytes): Buffer {
  const nonce = random(8);
  nonce[0] = (nonce[0]! & 0x7f) || 0x01;
  return nonce;
}

/**
 * Whether two INTEGER contents hold the same value. A TSA may echo the nonce as sent or re-encode it minimally, so
 * the bytes are compared as numbers, not byte for byte.
 */
export function sameInteger(a: Uint8Array, b: Uint8Array): boolean {
  const value = (bytes: Uint8Array): bigint => (bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`));
  return value(a) === value(b);
}

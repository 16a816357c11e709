/**
 * Trusted timestamps (RFC 3161, 可信时间戳; GB/T 20520 follows the same
 * protocol): ask the office's timestamp authority (TSA) for a token over a
 * capture digest, and verify the answer on arrival — the response is
 * granted, its message imprint is our digest and its nonce our nonce, the
 * signature verifies over the stamped file, and the signer's certificate
 * chains to the root the office configured.
 *
 * ASN.1 and CMS are pkijs + asn1js (well kept, WebCrypto-based), never our
 * own DER. What is stamped is the record file (record.json): its SHA-256 is
 * the capture digest, and it lists every other digest, so one token anchors
 * the original and derived files of the capture at the TSA's time.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { fail, ok, type Result } from '../messaging/result';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';

/** A request ready to send, and what its answer must echo. */
export interface TimestampRequest {
  /** DER of the TimeStampReq (send as `application/timestamp-query`). */
  der: Uint8Array;
  /** The SHA-256 digest being stamped. */
  digest: Uint8Array;
  nonce: Uint8Array;
}

/** A verified answer. */
export interface VerifiedTimestamp {
  /** The TSA's time, epoch ms. */
  genTime: number;
  /** The token's serial number (hex). */
  serial: string;
  /** The TSA's policy OID. */
  policy: string;
}

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
}

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  return Uint8Array.from(bytes).buffer;
}

/**
 * The RFC 3161 request for a SHA-256 digest (hex), asking for the TSA's
 * certificate in the answer (certReq) so the chain can be checked.
 * `nonce`: 8+ random bytes (crypto.getRandomValues); the first byte is
 * cleared of its top bit so the INTEGER stays positive.
 */
export function timestampRequestOf(digestHex: string, nonce: Uint8Array): TimestampRequest {
  const digest = hexToBytes(digestHex);
  const positive = Uint8Array.from(nonce);
  positive[0] = (positive[0] ?? 0) & 0x7f || 1;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: buffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: buffer(positive) }),
    certReq: true,
  });
  return { der: new Uint8Array(request.toSchema().toBER(false)), digest, nonce: positive };
}

/** The DER certificates of a PEM bundle. */
function certificatesOfPem(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => {
    const base64 = block.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
    const der = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return pkijs.Certificate.fromBER(der);
  });
}

/**
 * Verifies a TSA's answer to `request` over `data` (the stamped file's
 * bytes) against `rootPem`. Errors name what failed (status, imprint,
 * nonce, signature or chain); nothing throws.
 */
export async function verifyTimestampResponse(
  response: Uint8Array,
  request: TimestampRequest,
  data: Uint8Array,
  rootPem: string,
): Promise<Result<VerifiedTimestamp>> {
  let parsed: pkijs.TimeStampResp;
  try {
    parsed = pkijs.TimeStampResp.fromBER(buffer(response));
  } catch {
    return fail('invalid-input', '时间戳服务的回答不是 RFC 3161 格式');
  }
  const status = parsed.status.status;
  if (status !== 0 && status !== 1) {
    const text = parsed.status.statusStrings?.map((s) => s.valueBlock.value).join('；');
    return fail('invalid-input', `时间戳服务拒绝了请求（状态 ${status}${text ? `：${text}` : ''}）`);
  }
  if (!parsed.timeStampToken) return fail('invalid-input', '时间戳服务的回答中没有时间戳');
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    signed = new pkijs.SignedData({ schema: parsed.timeStampToken.content });
    const content = signed.encapContentInfo.eContent;
    if (!content) return fail('invalid-input', '时间戳中没有 TSTInfo');
    info = pkijs.TSTInfo.fromBER(content.getValue());
  } catch {
    return fail('invalid-input', '时间戳的内容无法解析');
  }
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID) return fail('invalid-input', '时间戳所用的摘要算法不是 SHA-256');
  if (toHex(info.messageImprint.hashedMessage.valueBlock.valueHexView) !== toHex(request.digest)) {
    return fail('invalid-input', '时间戳所盖的摘要与请求的不同');
  }
  if (!info.nonce || toHex(info.nonce.valueBlock.valueHexView) !== toHex(request.nonce)) {
    return fail('invalid-input', '时间戳的随机数（nonce）与请求的不同：可能是重放的旧回答');
  }
  let roots: pkijs.Certificate[];
  try {
    roots = certificatesOfPem(rootPem);
  } catch {
    return fail('invalid-input', '配置的时间戳根证书无法解析');
  }
  if (roots.length === 0) return fail('invalid-input', '没有配置时间戳根证书');
  try {
    const verified = await signed.verify({
      signer: 0,
      data: buffer(data),
      trustedCerts: roots,
      checkChain: true,
      checkDate: info.genTime,
    });
    if (!verified) return fail('invalid-input', '时间戳签名校验未通过');
  } catch (error) {
    const message = error instanceof Error ? error.message : String((error as { message?: string }).message ?? error);
    return fail('invalid-input', `时间戳签名或证书链校验未通过：${message}`);
  }
  return ok({ genTime: info.genTime.getTime(), serial: toHex(info.serialNumber.valueBlock.valueHexView), policy: info.policy });
}

/** How to reach the TSA (the background passes `fetch`; tests a local server). */
export type Fetch = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: Uint8Array<ArrayBuffer> }) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

/**
 * Sends `request` to the TSA at `url`. `unavailable` when the TSA cannot be
 * reached (offline: the capture stays queued), `invalid-input` for an HTTP
 * error answer.
 */
export async function postTimestampRequest(fetchFn: Fetch, url: string, request: TimestampRequest): Promise<Result<Uint8Array>> {
  let answer;
  try {
    answer = await fetchFn(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: Uint8Array.from(request.der),
    });
  } catch (error) {
    return fail('unavailable', `无法连接时间戳服务：${error instanceof Error ? error.message : String(error)}`);
  }
  if (!answer.ok) return fail(answer.status >= 500 ? 'unavailable' : 'invalid-input', `时间戳服务回答 HTTP ${answer.status}`);
  return ok(new Uint8Array(await answer.arrayBuffer()));
}

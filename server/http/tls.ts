/**
 * The certificate and key `onemap serve` speaks HTTPS with (PEM files, --tls-cert / --tls-key
 * or ONEMAP_TLS_CERT / ONEMAP_TLS_KEY). Read and checked at start, so that an unreadable file,
 * a file that is not PEM, or a key that does not belong to the certificate stops the server
 * with one Chinese line rather than a TLS handshake failure in every browser.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

export class TlsConfigError extends Error {
  override name = 'TlsConfigError';
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new TlsConfigError(`无法读取${what} ${path}（${(error as NodeJS.ErrnoException).code ?? '读取失败'}）`);
  }
}

export function readTlsFiles(certPath: string, keyPath: string): TlsFiles {
  const cert = readPem(certPath, '证书文件');
  const key = readPem(keyPath, '私钥文件');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new TlsConfigError(`证书文件 ${certPath} 不是有效的 PEM 证书`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new TlsConfigError(`私钥文件 ${keyPath} 不是有效的 PEM 私钥（或已加密：请提供未加密的私钥）`);
  }
  if (!certificate.checkPrivateKey(privateKey)) throw new TlsConfigError(`私钥 ${keyPath} 与证书 ${certPath} 不匹配`);
  return { cert, key };
}

/** Both paths or neither: one alone is a mistake worth stopping for. */
export function tlsFilesFrom(certPath: string | undefined, keyPath: string | undefined): TlsFiles | undefined {
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath)
    throw new TlsConfigError(
      'HTTPS 需要同时指定证书与私钥（--tls-cert 与 --tls-key，或 ONEMAP_TLS_CERT 与 ONEMAP_TLS_KEY）',
    );
  return readTlsFiles(certPath, keyPath);
}

import xmlenc from 'xml-encryption';
import { err, ok, type Result } from '../base/errors';
import { CoreError } from '../base/errors';
import { attr, descendants } from '../xml/dom';
import { NS } from '../xml/namespaces';

export interface Decrypted {
  xml: string;
  dataAlgorithm?: string;
  keyAlgorithm?: string;
}

/**
 * Decrypts an EncryptedAssertion with the SP's key. Entra encrypts with AES-256-CBC, which xml-encryption
 * refuses by default as CBC; the harness accepts it (as SPs that take Entra tokens must) and reports the algorithm.
 */
export function decryptAssertion(encrypted: Element, privateKeyPem: string): Promise<Result<Decrypted>> {
  const dataAlgorithm = attr(descendants(encrypted, NS.xenc, 'EncryptionMethod')[0], 'Algorithm');
  const keyAlgorithm = attr(descendants(encrypted, NS.xenc, 'EncryptionMethod')[1], 'Algorithm');
  const data = descendants(encrypted, NS.xenc, 'EncryptedData')[0];
  if (!data) return Promise.resolve(err(new CoreError('DECRYPT_NO_DATA', 'The EncryptedAssertion has no xenc:EncryptedData.')));
  return new Promise((resolve) => {
    xmlenc.decrypt(encrypted.toString(), { key: privateKeyPem, disallowDecryptionWithInsecureAlgorithm: false, warnInsecureAlgorithm: false }, (e: Error | null, result?: string) => {
      if (e || !result) resolve(err(new CoreError('DECRYPT_FAILED', `The assertion does not decrypt with the SP key (${e?.message ?? 'no result'}).`)));
      else resolve(ok({ xml: result, ...(dataAlgorithm ? { dataAlgorithm } : {}), ...(keyAlgorithm ? { keyAlgorithm } : {}) }));
    });
  });
}

import { createPublicKey } from 'node:crypto';
import xmlenc from 'xml-encryption';
import { signEnveloped, type Signer } from './enveloped-signature';
import type { SigningOption } from './model';
import type { HashName } from './signature-algorithms';

const RESPONSE = "/*[local-name(.)='Response']";
const ASSERTION = `${RESPONSE}/*[local-name(.)='Assertion']`;

/** Entra encrypts tokens with AES-256-CBC and wraps the key with RSA-OAEP (the portal's "token encryption"). */
const DATA_ALGORITHM = 'http://www.w3.org/2001/04/xmlenc#aes256-cbc';
const KEY_ALGORITHM = 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p';

function encrypt(xml: string, certificatePem: string): Promise<string> {
  const rsaPub = createPublicKey(certificatePem).export({ type: 'spki', format: 'pem' }).toString();
  return new Promise((resolve, reject) =>
    xmlenc.encrypt(
      xml,
      {
        rsa_pub: rsaPub,
        pem: certificatePem,
        encryptionAlgorithm: DATA_ALGORITHM,
        keyEncryptionAlgorithm: KEY_ALGORITHM,
        disallowEncryptionWithInsecureAlgorithm: false,
        warnInsecureAlgorithm: false,
      },
      (e: Error | null, result: string) => (e ? reject(e) : resolve(result)),
    ),
  );
}

/**
 * Replaces the (signed) Assertion with an EncryptedAssertion in the response's own style: one line, the
 * assertion namespace as the default one, as Entra writes the rest of the document.
 */
async function encryptAssertion(responseXml: string, certificatePem: string): Promise<string> {
  const start = responseXml.indexOf('<Assertion ');
  const end = responseXml.lastIndexOf('</Assertion>') + '</Assertion>'.length;
  const encryptedData = (await encrypt(responseXml.slice(start, end), certificatePem)).replace(/>\s+</g, '><').trim();
  return `${responseXml.slice(0, start)}<EncryptedAssertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion">${encryptedData}</EncryptedAssertion>${responseXml.slice(end)}`;
}

/**
 * Signs a response the way the app's Signing Option says, as Entra writes signatures: an unprefixed
 * <Signature xmlns="http://www.w3.org/2000/09/xmldsig#"> right after the Issuer it belongs with, exclusive C14N,
 * the certificate in KeyInfo. With token encryption, the assertion is signed, then encrypted, then the response
 * signed, so a standard SP verifies both.
 */
export async function signResponseAsEntra(xml: string, opts: { option: SigningOption; hash: HashName; signer: Signer; encryptFor?: string }): Promise<string> {
  let out = xml;
  if (opts.option !== 'response') out = signEnveloped(out, opts.signer, ASSERTION, { hash: opts.hash, after: `${ASSERTION}/*[local-name(.)='Issuer']` });
  if (opts.encryptFor) out = await encryptAssertion(out, opts.encryptFor);
  if (opts.option !== 'assertion') out = signEnveloped(out, opts.signer, RESPONSE, { hash: opts.hash, after: `${RESPONSE}/*[local-name(.)='Issuer']` });
  return out;
}

import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { NS } from '../xml/namespaces';

export interface NaiveVerdict {
  accepted: boolean;
  /** The NameID it would sign the user in as, by the first reading; other naive readings after it. */
  nameId?: string;
  otherReadings?: string[];
  why: string;
}

/**
 * A deliberately lax SP, the kind the attacks were written against: it checks the first signature it finds
 * (trusting the certificate in KeyInfo when it has none of its own), resolves the reference anywhere in the
 * document, accepts unsigned responses, checks no audience, time, destination or replay, and reads the first
 * NameID's first text node. It exists only to show that each attack in the pack bites; nothing uses it to
 * decide anything.
 */
export function naiveSp(xml: string, trustedCertPem?: string): NaiveVerdict {
  const problems: string[] = [];
  const note = (m: string) => void problems.push(m);
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: note, fatalError: note } }).parseFromString(xml, 'text/xml');
  if (problems.length) return { accepted: false, why: `its parser refused: ${problems[0]!.split('\n')[0]}` };
  const nameIds = readings(doc);
  const nameId = nameIds[0];
  if (!nameId) return { accepted: false, why: 'no NameID' };
  const signature = doc.getElementsByTagNameNS(NS.ds, 'Signature')[0];
  if (!signature) return { accepted: true, nameId, why: 'unsigned, and it does not insist' };
  try {
    const sx = new SignedXml(trustedCertPem ? { publicCert: trustedCertPem } : { getCertFromKeyInfo: SignedXml.getCertFromKeyInfo });
    sx.loadSignature(signature);
    if (!sx.checkSignature(xml)) return { accepted: false, why: 'a signature does not verify' };
  } catch (e) {
    return { accepted: false, why: `its signature library refused: ${(e as Error).message}` };
  }
  return { accepted: true, nameId, ...(nameIds.length > 1 ? { otherReadings: nameIds.slice(1) } : {}), why: 'a signature verified somewhere in the document' };
}

/**
 * The NameIDs naive SPs read — Subject/NameID's first text node, of the Response's first Assertion child and
 * of the first Assertion in document order: each a reading some SP framework made (the paper found both).
 */
function readings(doc: Document): string[] {
  const child = (el: Element | undefined, name: string) => Array.from(el?.childNodes ?? []).find((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
  const nameIdOf = (a: Element | undefined) => child(child(a, 'Subject'), 'NameID')?.firstChild?.nodeValue?.trim();
  const underRoot = child(doc.documentElement ?? undefined, 'Assertion');
  const inOrder = doc.getElementsByTagNameNS(NS.saml, 'Assertion')[0];
  return [...new Set([nameIdOf(underRoot), nameIdOf(inOrder)].filter((x): x is string => Boolean(x)))];
}

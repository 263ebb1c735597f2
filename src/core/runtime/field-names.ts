/** Fields a user fills on a blade, by their path in an API call, as the blade names them. */
const FIELDS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^app\.saml\.replyUrls\.(\d+)\.url$/, (m) => `Reply URL ${Number(m[1]) + 1}`],
  [/^app\.saml\.identifiers\.(\d+)\.value$/, (m) => `Identifier (Entity ID) ${Number(m[1]) + 1}`],
  [/^app\.saml\.signOnUrl$/, () => 'Sign on URL'],
  [/^app\.saml\.relayState$/, () => 'Relay State'],
  [/^app\.saml\.logoutUrl$/, () => 'Logout Url'],
  [/^definition\.acsUrl$/, () => 'ACS URL'],
  [/^definition\.loginUrl$/, () => 'Sign-on URL'],
  [/^definition\.logoutUrl$/, () => 'Logout URL'],
  [/^definition\.relayState$/, () => 'Relay State'],
];

/** The blade's name for a field's path, or the path itself when it is no field a user types. */
export function fieldName(path: string): string {
  for (const [re, name] of FIELDS) {
    const m = re.exec(path);
    if (m) return name(m);
  }
  return path;
}

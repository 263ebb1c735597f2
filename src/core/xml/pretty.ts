import formatXml from 'xml-formatter';

/** Pretty-prints for people; never feed the result to a signature check (whitespace is signed). */
export function prettyXml(xml: string): string {
  try {
    return formatXml(xml, { indentation: '  ', collapseContent: true, lineSeparator: '\n', throwOnFailure: true });
  } catch {
    return xml;
  }
}

import { CoreError, err, type Result } from '../base/errors';
import { toLoopback } from '../http/loopback-urls';
import { AGENT_HEADER, type AgentTransport } from '../http/transport';
import { parseIdpMetadata, type ParsedIdpMetadata } from './idp-metadata';

/**
 * Fetches IdP metadata by URL the way an SP's server would: through the harness's loopback host for the
 * virtual hosts (Entra's App Federation Metadata URL), directly for other loopback URLs, and nowhere else.
 */
export async function loadMetadataFromUrl(url: string, transport: AgentTransport): Promise<Result<ParsedIdpMetadata>> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return err(new CoreError('METADATA_URL_INVALID', `"${url}" is not a URL.`));
  }
  const virtual = transport.virtualHosts().has(target.host.toLowerCase());
  const wire = virtual ? toLoopback(target, transport.origin) : ['127.0.0.1', 'localhost'].includes(target.hostname) ? target.toString() : undefined;
  if (!wire) return err(new CoreError('METADATA_URL_UNREACHABLE', `${target.host} cannot be reached from here (the harness is offline).`));
  // A real URL asked for through the harness gets the real document, endpoints and all: the SP is the harness's own.
  const res = await fetch(wire, virtual ? { headers: { [AGENT_HEADER]: '1' } } : {});
  if (!res.ok) return err(new CoreError('METADATA_URL_HTTP', `The metadata URL answered HTTP ${res.status}.`, { status: res.status }));
  return parseIdpMetadata(await res.text(), 'metadata-url', url);
}

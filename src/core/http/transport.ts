/** How a client in this process reaches the virtual hosts: through the harness host on loopback. */
export interface AgentTransport {
  origin: string;
  virtualHosts(): ReadonlySet<string>;
}

/** Sent by the harness's own clients (the headless agent, an SP fetching metadata): anything else is an outside client. */
export const AGENT_HEADER = 'x-saml-harness-agent';

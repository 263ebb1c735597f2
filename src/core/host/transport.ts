/** How a client in this process reaches the virtual hosts: through the harness host on loopback. */
export interface AgentTransport {
  origin: string;
  virtualHosts(): ReadonlySet<string>;
}

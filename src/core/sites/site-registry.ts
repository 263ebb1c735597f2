import { text } from '../http/http-types';
import { describedHandler, type RoutedHandler } from '../http/router';
import type { SpSite } from './sp-site';

/** Where sites are put: the host that answers for virtual host names (HarnessHost, from the floor above). */
export interface VirtualHosting {
  addVirtualHost(host: string, handler: RoutedHandler): void;
}

/**
 * The SP sites on the host, by virtual host. Several sites can share a host (Hugging Face organisations
 * under huggingface.co); a request goes to the site one of whose URLs it names.
 */
export class SiteRegistry {
  private readonly sites = new Map<string, SpSite>();
  private readonly mounted = new Set<string>();

  constructor(private readonly host: VirtualHosting) {}

  add(site: SpSite): void {
    this.sites.set(site.id, site);
    if (!this.mounted.has(site.host)) {
      this.host.addVirtualHost(site.host, this.handlerFor(site.host));
      this.mounted.add(site.host);
    }
  }

  remove(id: string): void {
    this.sites.delete(id);
  }

  get(id: string): SpSite | undefined {
    return this.sites.get(id);
  }

  all(): SpSite[] {
    return [...this.sites.values()];
  }

  private handlerFor(host: string): RoutedHandler {
    const onHost = () => this.all().filter((s) => s.host === host);
    return describedHandler(
      async (req) => {
        const site = onHost().find((s) => s.serves(req.url)) ?? (req.url.pathname === '/' ? onHost()[0] : undefined);
        return site ? site.handle(req) : text(`Not Found: ${req.url.pathname}`, 404);
      },
      () => onHost().flatMap((s) => s.routes()),
    );
  }
}

import type { SchemaValidator } from '../xml/schema-validator';
import type { IdpTrust, SpEndpoints, SpPolicy } from './model';
import type { ReplayCache, RequestStore } from './stores';

export interface ValidationContext {
  sp: SpEndpoints;
  idp: IdpTrust;
  policy: SpPolicy;
  /** The time the checks use: the flow's clock, or a chosen "as of" time when diagnosing. */
  now: Date;
  requests: RequestStore;
  replay: ReplayCache;
  schema: SchemaValidator;
  /** Record the assertion and consume the request when the response is accepted (false for a dry run). */
  commit: boolean;
}

import { createPublicKey, verify } from 'node:crypto';
import { runSpInitiated } from '../../src/core/flows/flows';
import { cloudinaryBench } from '../fixture';
import { peakRss, summarize, type Timing } from '../stats';

export interface RoundTripResult {
  /** One SP-initiated sign-in over loopback HTTP: AuthnRequest, account, response, report, provisioning. */
  sequential: Timing;
  /** The same, as the app runs it: with node-saml's second opinion in each report. */
  withSecondOpinion: Timing;
  /** Two agents at once: flows a second. */
  concurrentFlowsPerSecond: number;
  /** The host's peak resident set size during the run (the host runs in this process). */
  peakRssMb: number;
  /** Its signatures and canonicalisations alone: the IdP's signature and the SP's verification. */
  floorMs: number;
  ratioToFloor: number;
}

export async function roundTripBench(flows = 500, floor: { rsaSign: number; c14nAssertion: number; c14nSignedInfo: number }): Promise<RoundTripResult> {
  const b = await cloudinaryBench();
  try {
    const env = b.box.harness.flowEnv;
    const one = async () => {
      const r = await runSpInitiated(env, b.box.vendor.site, { user: b.user, email: b.user });
      if (r.outcome.status !== 'signed-in') throw new Error(`the bench flow did not sign in: ${JSON.stringify(r.outcome)}`);
    };
    for (let i = 0; i < 30; i++) await one();
    const withSecondOpinion: number[] = [];
    for (let i = 0; i < flows / 5; i++) {
      const t = performance.now();
      await one();
      withSecondOpinion.push(performance.now() - t);
    }
    // The engine alone: the informational second opinion is the peer's cost, not the round trip's.
    b.box.vendor.site.core.policy.crossCheck = false;
    for (let i = 0; i < 30; i++) await one();
    const { result: samples, peakMb } = await peakRss(async () => {
      const s: number[] = [];
      for (let i = 0; i < flows; i++) {
        const t = performance.now();
        await one();
        s.push(performance.now() - t);
      }
      const t = performance.now();
      const lane = async () => {
        for (let i = 0; i < flows / 2; i++) await one();
      };
      await Promise.all([lane(), lane()]);
      return { s, concurrentMs: performance.now() - t };
    });
    const sequential = summarize(samples.s);
    // A verification: an RSA public-key operation (measured here) and the same canonicalisations as signing.
    const cert = b.kit.idpSigner.certificatePem;
    const key = createPublicKey(cert);
    const sig = Buffer.alloc(256, 1);
    const t = performance.now();
    for (let i = 0; i < 2000; i++) verify('sha256', Buffer.from('x'.repeat(600)), key, sig);
    const rsaVerify = (performance.now() - t) / 2000;
    const signOnce = floor.rsaSign + floor.c14nAssertion + floor.c14nSignedInfo;
    const verifyOnce = rsaVerify + floor.c14nAssertion + floor.c14nSignedInfo;
    const floorMs = Math.round((signOnce + verifyOnce) * 1000) / 1000;
    return {
      sequential,
      withSecondOpinion: summarize(withSecondOpinion),
      concurrentFlowsPerSecond: Math.round((flows / samples.concurrentMs) * 1000 * 10) / 10,
      peakRssMb: peakMb,
      floorMs,
      ratioToFloor: Math.round((sequential.p50 / floorMs) * 10) / 10,
    };
  } finally {
    await b.stop();
  }
}

import { generateSelfSignedCertificate } from '../src/core/crypto/generate';
import { AttackKit } from '../src/core/attacks/kit';
import { PRESET_GROUPS } from '../src/core/scenarios/presets';
import { openSandbox, type Sandbox } from '../src/core/scenarios/sandbox';

/** Cloudinary set up as its guide says, in a sandbox: the SP, the tenant that signs for it, a user it takes. */
export async function cloudinaryBench(): Promise<{ box: Sandbox; kit: AttackKit; user: string; stop(): Promise<void> }> {
  const scenario = PRESET_GROUPS.find((g) => g.source === 'cloudinary')!.baseline();
  const { box } = await openSandbox(scenario);
  const user = scenario.flow.user!;
  const kit = new AttackKit(box, user, 'alex.wilber@contoso.com', await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=unused' }), undefined);
  return { box, kit, user, stop: () => box.stop() };
}

import { presetById, PRESET_GROUPS } from './presets';
import type { Scenario } from './schema';

/** The common mistakes examples/scenarios/ shows, by preset. */
const MISTAKES: Array<[file: string, preset: string]> = [
  ['mistake-reply-url-http.json', 'entra/AADSTS50011'],
  ['mistake-identifier-trailing-slash.json', 'entra/AADSTS700016'],
  ['mistake-user-not-assigned.json', 'entra/AADSTS50105'],
  ['mistake-expired-certificate.json', 'entra/AADSTS50146'],
  ['mistake-mfa-against-password-request.json', 'entra/AADSTS75011'],
  ['mistake-imagekit-role-case.json', 'imagekit/INVALID_ROLE'],
  ['mistake-imagekit-claim-namespace.json', 'imagekit/MISSING_ATTRIBUTE'],
  ['mistake-imagekit-first-login-sp-initiated.json', 'imagekit/FIRST_LOGIN_IDP_INITIATED'],
  ['mistake-cloudinary-role-case.json', 'cloudinary/7'],
  ['mistake-cloudinary-provisioning-off.json', 'cloudinary/11'],
  ['mistake-huggingface-assertion-only-signed.json', 'huggingface/SAML_SIGNATURE_REQUIRED'],
  ['mistake-huggingface-certificate-rolled-over.json', 'huggingface/SAML_VALIDATION_FAILED'],
  ['mistake-huggingface-certificate-without-pem-lines.json', 'huggingface/CERTIFICATE_FORMAT'],
  ['mistake-imagen-sign-on-url-empty.json', 'imagen/NOSTATE'],
];

/** examples/scenarios/: each vendor signing in as its guide sets it up, and the mistakes people make. */
export function exampleScenarios(): Array<{ file: string; scenario: Scenario }> {
  const baselines = PRESET_GROUPS.filter((g) => g.source !== 'entra').map((g) => ({ file: `${g.source}-sign-in.json`, scenario: g.baseline() }));
  const mistakes = MISTAKES.map(([file, id]) => {
    const preset = presetById(id);
    if (!preset) throw new Error(`examples name the preset ${id}, which does not exist`);
    return { file, scenario: preset.build() };
  });
  return [...baselines, ...mistakes];
}

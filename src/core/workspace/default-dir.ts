import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the workspace lives unless --workspace says otherwise: the same folder Electron's
 * app.getPath('userData') gives the app, so the desktop app, web mode and the CLI share it.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const name = 'saml-harness';
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name);
}

export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return join(defaultUserDataDir(env, platform), 'workspace');
}

/**
 * The one rule every entry point follows (the desktop app, web mode, serve and the CLI): --workspace DIR if
 * given, else SAML_HARNESS_WORKSPACE, else the user-data folder's workspace (an empty one counts as unset).
 * Relative paths are taken from the current directory.
 */
export function resolveWorkspaceDir(arg: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  // An empty value is no value: `SAML_HARNESS_WORKSPACE= saml-harness …` would otherwise write the workspace,
  // keys included, into the current directory.
  return resolve(arg || env.SAML_HARNESS_WORKSPACE || defaultWorkspaceDir(env, platform));
}

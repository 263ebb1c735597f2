import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { defaultWorkspaceDir, resolveWorkspaceDir } from '../../src/core/workspace/default-dir';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const config = require('../../electron-builder.config.cjs') as {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  afterPack: string;
  linux: { target: string[]; icon: string };
  mac: { target: string[] };
  win: { target: string[] };
};
const fuses = require('../../scripts/fuses.cjs') as { FUSES: Record<string | number, unknown>; executable(c: unknown): string };
const { minimatch } = { minimatch: require('minimatch') as (path: string, pattern: string, opts?: { dot: boolean }) => boolean };

/** Whether electron-builder's `files` patterns take a path: some positive pattern matches and no negation does. */
const packed = (path: string) =>
  config.files.some((p) => !p.startsWith('!') && minimatch(path, p, { dot: true })) && !config.files.some((p) => p.startsWith('!') && minimatch(path, p.slice(1), { dot: true }));

describe('packaging with electron-builder', () => {
  it('names the app and builds AppImage and deb, dmg, and nsis, with an icon', () => {
    expect(config).toMatchObject({ appId: 'dev.samlharness.desktop', productName: 'SAML Harness', asar: true, afterPack: './scripts/fuses.cjs' });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    const icon = readFileSync(join(ROOT, config.linux.icon));
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('packs the built app and nothing of the sources, tests or tooling', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
    const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index.js', 'out/main/schemas/saml-schema-protocol-2.0.xsd'];
    for (const f of built) expect(packed(f), f).toBe(true);
    expect(packed('package.json')).toBe(true);
    const leaked = tracked.filter((f) => f !== 'package.json' && packed(f));
    expect(leaked).toEqual([]);
    expect(packed('out/main/index.js.map')).toBe(false);
    expect(packed('dist/cli.mjs')).toBe(false);
  });

  it("sets Electron's fuses: no RunAsNode, no NODE_OPTIONS or --inspect, cookie encryption, ASAR integrity, app only from the ASAR", () => {
    expect(fuses.FUSES).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
    const context = (platform: string) => ({ electronPlatformName: platform, appOutDir: '/out', arch: 1, packager: { appInfo: { productFilename: 'SAML Harness' }, executableName: 'saml-harness' } });
    expect(fuses.executable(context('linux'))).toBe('/out/saml-harness');
    expect(fuses.executable(context('win32'))).toBe('/out/SAML Harness.exe');
    expect(fuses.executable(context('darwin'))).toBe('/out/SAML Harness.app');
  });
});

describe('one workspace location for the desktop app, web mode and the CLI', () => {
  it('--workspace, then SAML_HARNESS_WORKSPACE, then the user-data folder, on every platform', () => {
    expect(resolveWorkspaceDir('/tmp/ws', {}, 'linux')).toBe('/tmp/ws');
    expect(resolveWorkspaceDir(undefined, { SAML_HARNESS_WORKSPACE: '/srv/harness' }, 'linux')).toBe('/srv/harness');
    expect(resolveWorkspaceDir(undefined, { XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe('/home/u/.config/saml-harness/workspace');
    expect(defaultWorkspaceDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toMatch(/AppData[\\/]Roaming[\\/]saml-harness[\\/]workspace$/);
    expect(defaultWorkspaceDir({}, 'darwin')).toMatch(/Library\/Application Support\/saml-harness\/workspace$/);
  });

  it('the desktop app and the CLI both take it from that one function', () => {
    const main = readFileSync(join(ROOT, 'src/main/index.ts'), 'utf8');
    expect(main).toContain('resolveWorkspaceDir(workspaceArg(process.argv))');
    expect(main).not.toContain("getPath('userData')");
    for (const f of ['src/cli/runtime.ts', 'src/cli/commands/serve.ts']) expect(readFileSync(join(ROOT, f), 'utf8')).toContain('resolveWorkspaceDir(');
  });
});

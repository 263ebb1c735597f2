// `npm run package`: installers for Linux (AppImage, deb), macOS (dmg) and Windows (nsis) with electron-builder.
// Only the built app (out/) and the runtime dependencies are packed; the renderer's libraries are bundled into
// out/renderer at build time. Electron's fuses are set after packing (scripts/fuses.cjs).
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.samlharness.desktop',
  productName: 'SAML Harness',
  copyright: 'SAML Harness contributors',
  directories: { output: 'release', buildResources: 'build' },
  files: ['out/**/*', 'package.json', '!**/*.map', '!src/**', '!test/**', '!bench/**', '!examples/**', '!scripts/**', '!dist/**'],
  asar: true,
  // ASAR integrity is checked at run time (the EnableEmbeddedAsarIntegrityValidation fuse): nothing is unpacked.
  asarUnpack: [],
  afterPack: './scripts/fuses.cjs',
  linux: { target: ['AppImage', 'deb'], category: 'Development', icon: 'build/icon.png', maintainer: 'SAML Harness contributors' },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools', icon: 'build/icon.png' },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false },
};

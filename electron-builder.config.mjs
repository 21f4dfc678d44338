// electron-builder configuration: installers for Windows (NSIS), macOS (DMG, x64 and arm64) and Linux
// (AppImage, deb). A JavaScript file rather than YAML so that the packaging test can import the very same
// object and override only what a machine without Electron needs (test/unit/packaging/).
//
// Signing and notarisation come from the environment (GitHub Actions secrets), never from this file:
//   macOS:   CSC_LINK, CSC_KEY_PASSWORD (Developer ID Application .p12, base64);
//            APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER (or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD,
//            APPLE_TEAM_ID) turn on notarisation.
//   Windows: WIN_CSC_LINK, WIN_CSC_KEY_PASSWORD (Authenticode .pfx, base64).
// Without them electron-builder builds unsigned installers (fine for a test build, not for users).
import path from 'node:path';
import { installOnlyModules } from './scripts/install-only-modules.mjs';

const root = import.meta.dirname;

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'com.halosetup.desktop',
  productName: 'Halo Setup',
  copyright: 'Copyright © Halo Setup contributors',
  directories: { output: 'dist', buildResources: 'build' },

  // Only the built app (out/) and production dependencies. node_modules is added by electron-builder from
  // package.json's `dependencies`; for node_modules only the "!" patterns below apply.
  files: [
    'out/**/*',
    '!out/**/*.map',
    'package.json',
    // Install-time helpers (keytar -> prebuild-install and its ~35 packages): computed, see the script.
    ...installOnlyModules(root).map((dir) => `!${dir}{,/**/*}`),
    // better-sqlite3: the binary and lib/ are what runs; its SQLite sources and build files are not.
    '!**/node_modules/better-sqlite3/{deps,src}{,/**/*}',
    '!**/node_modules/better-sqlite3/binding.gyp',
    // better-sqlite3 ships a prebuilt binary for eight platforms; keep the target's own. ${platform} is
    // the build machine's (electron-builder's macro): each installer is built on its own OS, and the
    // afterPack check below fails a build whose natives do not fit the target. (Platform-level `files`
    // would replace these root patterns instead of adding to them.)
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an electron-builder macro, not a template
    '!**/node_modules/better-sqlite3/prebuilds/!(${platform}-${arch}).node',
    // keytar: only build/Release/keytar.node; not its C++ sources or node-gyp's intermediate files.
    '!**/node_modules/keytar/src{,/**/*}',
    '!**/node_modules/keytar/binding.gyp',
    '!**/node_modules/keytar/build/!(Release){,/**/*}',
    '!**/node_modules/keytar/build/Release/!(keytar.node){,/**/*}',
    // Headers-only packages used at compile time.
    '!**/node_modules/node-addon-api{,/**/*}',
    // What packages publish beside their runtime code: TypeScript sources (zod ships src/ with its own
    // tests), type declarations, source maps, docs, test folders. Node never loads a .ts from node_modules.
    '!**/node_modules/**/*.{ts,tsx,mts,cts,map,md,markdown}',
    '!**/node_modules/**/{test,tests,__tests__}{,/**/*}',
  ],
  asar: true,
  // Native binaries cannot be loaded from inside an asar: they go beside it, in app.asar.unpacked.
  asarUnpack: ['**/*.node'],
  // better-sqlite3 13 and keytar are N-API: the binaries built for Node load in Electron unchanged. A
  // rebuild would download Electron headers (and is what breaks offline builds).
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  afterPack: path.join(root, 'scripts', 'check-packed-natives.mjs'),

  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    // Stays on: the renderer is loaded from file:// (loadFile) and its ES module scripts need it.
    grantFileProtocolExtraPrivileges: true,
  },

  // No auto-update feed: releases are drafts a maintainer publishes by hand (see README "Release").
  publish: null,

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icons/icon.ico',
    // Signs with WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD when present.
    signtoolOptions: { signingHashAlgorithms: ['sha256'], publisherName: null },
  },
  nsis: {
    // Per-user, no administrator rights: installs into %LOCALAPPDATA%\Programs\Halo Setup.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createStartMenuShortcut: true,
    createDesktopShortcut: true,
    shortcutName: 'Halo Setup',
    // Keep user data unless the user asks (build/installer.nsh asks on an interactive uninstall).
    deleteAppDataOnUninstall: false,
    include: 'build/installer.nsh',
    installerIcon: 'build/icons/icon.ico',
    uninstallerIcon: 'build/icons/icon.ico',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an electron-builder macro, not a template
    artifactName: 'Halo-Setup-${version}-win-${arch}-setup.${ext}',
  },

  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    icon: 'build/icons/icon.icns',
    category: 'public.app-category.business',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // Notarises when APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER (or APPLE_ID/...) are set.
    notarize: true,
  },
  dmg: {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an electron-builder macro, not a template
    artifactName: 'Halo-Setup-${version}-mac-${arch}.${ext}',
  },

  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    icon: 'build/icons/png',
    category: 'Utility',
    maintainer: 'Halo Setup maintainers <maintainers@halosetup.invalid>',
    synopsis: 'Set up a Halo PSA integration and keep its organization mappings',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an electron-builder macro, not a template
    artifactName: 'Halo-Setup-${version}-linux-${arch}.${ext}',
  },
  deb: {
    // keytar talks to the Secret Service through libsecret.
    depends: [
      'libsecret-1-0',
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
    ],
  },
};

export default config;

// Bundles the CLI with esbuild: one small entry chunk, and one lazily loaded chunk per
// command, so that `gtm validate` never pays for loading the PDF stack.
import { build } from 'esbuild';
import { readFile, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { writeTemplatesModule } from './precompile-templates.mjs';

writeTemplatesModule();

// Build next to dist/ and swap it in, so that a running `gtm` never sees a half-built folder.
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const staging = `${dist}.${process.pid}`;
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

// pdf-lib's CommonJS entry bundles all of it (forms, parser, standard fonts: ~700 kB, +60 ms to
// load). The typesetter only uses its object model and writer: bundle its ES modules, declared
// free of side effects so that esbuild drops the rest (~140 kB).
const pdfLibTreeShaking = {
  name: 'pdf-lib-tree-shaking',
  setup(build) {
    const inPdfLib = /node_modules[\\/](pdf-lib|@pdf-lib)[\\/]/;
    build.onResolve({ filter: /^pdf-lib$/ }, async (args) => {
      if (args.pluginData) return undefined;
      const resolved = await build.resolve('pdf-lib/es/index.js', { resolveDir: args.resolveDir, kind: args.kind, pluginData: true });
      return { path: resolved.path, sideEffects: false };
    });
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData || !inPdfLib.test(args.importer)) return undefined;
      const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: true });
      return { path: resolved.path, external: resolved.external, sideEffects: false };
    });
  },
};

// commander requires child_process at load (2.7 ms on every command) for executable
// subcommands, which gtm does not have: it gets the module only if it ever spawns one.
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
  define: { GTM_VERSION: JSON.stringify(version) },
  plugins: [pdfLibTreeShaking, lazyChildProcessForCommander],
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __gtmCreateRequire } from 'node:module'; const require = __gtmCreateRequire(import.meta.url);" },
});

await rm(dist, { recursive: true, force: true });
await rename(staging, dist);

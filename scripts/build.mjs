// Bundles the CLI with esbuild: one small entry chunk, and one lazily loaded chunk per
// command, so that `gtm validate` never pays for loading the PDF stack.
import { build } from 'esbuild';
import { readFile, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// Build next to dist/ and swap it in, so that a running `gtm` never sees a half-built folder.
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const staging = `${dist}.${process.pid}`;
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: ['src/cli/main.ts'],
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
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __gtmCreateRequire } from 'node:module'; const require = __gtmCreateRequire(import.meta.url);" },
});

await rm(dist, { recursive: true, force: true });
await rename(staging, dist);

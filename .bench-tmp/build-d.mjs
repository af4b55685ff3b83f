import { build } from 'esbuild';
const pdfLibTreeShaking = {
  name: 'pdf-lib-tree-shaking',
  setup(b) {
    b.onResolve({ filter: /^pdf-lib$/ }, async (args) => {
      if (args.pluginData) return;
      const r = await b.resolve('pdf-lib/es/index.js', { resolveDir: args.resolveDir, kind: args.kind, pluginData: true });
      return { path: r.path, sideEffects: false };
    });
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData || !/node_modules[\\/](pdf-lib|@pdf-lib)[\\/]/.test(args.importer)) return;
      const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: true });
      return { path: r.path, sideEffects: false, external: r.external };
    });
  },
};
await build({ entryPoints: ['.bench-tmp/d.mjs'], outfile: '/tmp/bench/d.bundle.mjs', bundle: true, format: 'esm', platform: 'node', target: 'node20', minifyWhitespace: true, minifySyntax: true, metafile: true, plugins: [pdfLibTreeShaking], logLevel: 'warning' }).then(r => { const o=Object.values(r.metafile.outputs)[0]; console.log(o.bytes); const agg={};for(const [k,v] of Object.entries(o.inputs)){const key=k.split('/').slice(0,4).join('/');agg[key]=(agg[key]||0)+v.bytesInOutput}console.log(Object.entries(agg).sort((a,b)=>b[1]-a[1]).slice(0,12)) });

import PDFContext from 'pdf-lib/es/core/PDFContext.js';
import PDFWriter from 'pdf-lib/es/core/writers/PDFWriter.js';
const ctx = PDFContext.create();
const pages = ctx.obj({ Type: 'Pages', Kids: [], Count: 0 });
const cat = ctx.obj({ Type: 'Catalog', Pages: ctx.register(pages) });
ctx.trailerInfo.Root = ctx.register(cat);
const b = await PDFWriter.forContext(ctx, 50).serializeToBuffer();
console.log(b.length);

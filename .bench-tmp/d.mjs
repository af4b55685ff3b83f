import { PDFContext, PDFWriter, PDFName, PDFDict, PDFString, PDFHexString } from 'pdf-lib';
const ctx = PDFContext.create();
const pages = ctx.obj({ Type: 'Pages', Kids: [], Count: 0 });
const cat = ctx.obj({ Type: 'Catalog', Pages: ctx.register(pages) });
ctx.trailerInfo.Root = ctx.register(cat);
const b = await PDFWriter.forContext(ctx, 50).serializeToBuffer();
console.log(b.length, PDFString.fromDate(new Date(0)).toString());

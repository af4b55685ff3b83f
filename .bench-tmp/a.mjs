import { PDFDocument, PDFName } from 'pdf-lib';
const d = await PDFDocument.create({updateMetadata:false});
d.addPage([595,842]);
const b = await d.save();
console.log(b.length);

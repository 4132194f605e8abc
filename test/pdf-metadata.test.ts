import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { isTalkdeckPdf, stampPdf } from '../src/core/write/pdf/metadata.js';

async function chromeLikePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([997.92, 561.12]);
  doc.setTitle('from <title>');
  doc.setCreator('Mozilla/5.0 HeadlessChrome');
  doc.setProducer('Skia/PDF m156');
  return doc.save();
}

const info = { title: 'Kolumbien als globaler Partner der NATO', author: 'Stefan Reith', subject: 'Briefing', lang: 'de', date: new Date('2024-01-31T12:00:00Z') };

describe('stampPdf', () => {
  it('sets the deck’s document information and the given date', async () => {
    const doc = await PDFDocument.load(await stampPdf(await chromeLikePdf(), info), { updateMetadata: false });
    expect(doc.getTitle()).toBe(info.title);
    expect(doc.getAuthor()).toBe('Stefan Reith');
    expect(doc.getSubject()).toBe('Briefing');
    expect(doc.getCreator()).toBe('talkdeck');
    expect(doc.getProducer()).toBe('talkdeck (Skia/PDF m156)');
    expect(doc.getCreationDate()?.toISOString()).toBe('2024-01-31T12:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2024-01-31T12:00:00.000Z');
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : lang).toBe('de');
    expect(doc.getPageCount()).toBe(1);
  });

  it('gives the same bytes for the same input and date', async () => {
    const source = await chromeLikePdf();
    expect(Buffer.from(await stampPdf(source, info)).equals(Buffer.from(await stampPdf(source, info)))).toBe(true);
  });
});

describe('isTalkdeckPdf', () => {
  it('knows its own PDFs by their creator', async () => {
    expect(await isTalkdeckPdf(await stampPdf(await chromeLikePdf(), info))).toBe(true);
    expect(await isTalkdeckPdf(await chromeLikePdf())).toBe(false);
    expect(await isTalkdeckPdf(new TextEncoder().encode('%PDF-1.4 not really'))).toBe(false);
  });
});

/**
 * The PDF's document information, set after Chrome printed it: Chrome fills in the title and
 * its own user agent as creator, but no author, subject or language, and stamps the current
 * time. pdf-lib rewrites the document information and saves the file with a given date, so
 * the same deck gives the same bytes except for that date (fixed by SOURCE_DATE_EPOCH).
 * Pure: bytes in, bytes out.
 */
import { PDFDocument } from 'pdf-lib';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { GENERATOR } from '../../base/generated.js';
import type { DeckModel } from '../../model/types.js';

export interface PdfInfo {
  title: string;
  author?: string | undefined;
  subject?: string | undefined;
  /** BCP 47, from the deck. */
  lang: string;
  /** Creation and modification date. */
  date: Date;
}

export function pdfInfoFor(model: DeckModel, date: Date): PdfInfo {
  return {
    title: model.title,
    author: model.author,
    subject: model.subtitleHtml === undefined ? undefined : textOf(parseFragment(model.subtitleHtml)),
    lang: model.lang,
    date,
  };
}

export async function stampPdf(bytes: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const producer = doc.getProducer();
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  if (info.author) doc.setAuthor(info.author);
  if (info.subject) doc.setSubject(info.subject);
  doc.setLanguage(info.lang);
  doc.setCreator(GENERATOR);
  doc.setProducer(producer ? `${GENERATOR} (${producer})` : GENERATOR);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  // Without object streams the document information stays plain text, so two PDFs of the same
  // deck differ visibly only in their dates.
  return doc.save({ useObjectStreams: false });
}

/** Whether a PDF is one talkdeck wrote (its creator), so it may be replaced. */
export async function isTalkdeckPdf(bytes: Uint8Array): Promise<boolean> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    return doc.getCreator() === GENERATOR;
  } catch {
    return false;
  }
}

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map((c) => textOf(c)).join('') : '';
}

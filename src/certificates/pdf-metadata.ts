// A PDF's metadata travels with the file: file managers, desktop search and the viewer's
// title bar show it. Ours names neither the course nor the learner (issue 11 §3). PDFs
// issued before that carry the course as Subject and "<achievement> — <name>" as Title:
// they are rewritten the first time they are downloaded (routes.ts stores the result), so
// no copy leaves with the old metadata. The page itself is left untouched.
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";

/** "Certificate code ABCD-…" in the certificate's language: the one title we set. */
export function neutralPdfTitle(codeLabel: string, formattedCode: string): string {
  return `${codeLabel} ${formattedCode}`;
}

/** The same PDF with neutral metadata, or null when it already has it (~1 ms to check). */
export async function neutralizePdfMetadata(bytes: Uint8Array, title: string): Promise<Uint8Array | null> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  if (doc.getTitle() === title && doc.getSubject() === undefined && doc.getKeywords() === undefined) return null;
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.delete(PDFName.of("Subject"));
  info.delete(PDFName.of("Keywords"));
  doc.setTitle(title, { showInWindowTitleBar: true });
  return doc.save();
}

// The export as one ZIP: a page to read (my-data.html), the same data for programs
// (my-data.json) and each certificate's PDF and signed credential exactly as issued.
// File names are neutral: they name neither the site's subject nor a course.
import type { PersonalExport } from "./export-data.js";
import { createZip } from "./zip.js";

export function exportFileName(exportedAt: Date): string {
  return `my-data-${exportedAt.toISOString().slice(0, 10)}.zip`;
}

export function buildExportArchive(data: PersonalExport, html: string, exportedAt: Date): Buffer {
  return createZip(
    [
      { name: "my-data.html", data: html },
      { name: "my-data.json", data: `${JSON.stringify(data.document, null, 2)}\n` },
      ...data.files,
    ],
    exportedAt,
  );
}

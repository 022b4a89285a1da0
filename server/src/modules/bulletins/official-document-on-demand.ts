// renderOfficialDocument, with the Word library (docx, ≈10 MB in memory) and the layout code loaded the
// first time a document is made, not at start (decision 090). Import this, not official-document.ts.
import type { OfficialDocument } from './official-document.ts';

export type { OfficialDocument };

export async function renderOfficialDocument(d: OfficialDocument): Promise<Buffer> {
  const { renderOfficialDocument: render } = await import('./official-document.ts');
  return render(d);
}

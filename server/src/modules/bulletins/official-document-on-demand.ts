// renderOfficialDocument and renderCertificate, with the Word library (docx, ≈10 MB in memory) and the layout code loaded the
// first time a document is made, not at start (decision 090). Import this, not official-document.ts.
import type { Certificate, OfficialDocument } from './official-document.ts';

export type { Certificate, OfficialDocument };

export async function renderOfficialDocument(d: OfficialDocument): Promise<Buffer> {
  const { renderOfficialDocument: render } = await import('./official-document.ts');
  return render(d);
}

/** an award certificate (decision 196), from the same builder */
export async function renderCertificate(c: Certificate): Promise<Buffer> {
  const { renderCertificate: render } = await import('./official-document.ts');
  return render(c);
}

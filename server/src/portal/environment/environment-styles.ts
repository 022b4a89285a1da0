// Styles of the environment page bodies, all under `.env`, so they sit inside any portal layout.
export const ENVIRONMENT_CSS = `
.env { margin: 0 0 32px; font-size: 16px; line-height: 1.7; color: #1f2d24; }
.env h1 { font-size: 26px; margin: 0 0 8px; }
.env h2 { font-size: 20px; margin: 28px 0 8px; }
.env a { color: #14663a; }
.env a:focus, .env button:focus, .env input:focus { outline: 3px solid #0b4f2a; outline-offset: 2px; }
.env-meta, .env-note { color: #4a5a50; font-size: 15px; }
.env-table { width: 100%; border-collapse: collapse; margin: 12px 0; background: #fff; }
.env-table caption { text-align: left; color: #4a5a50; padding: 4px 0; }
.env-table th, .env-table td { border: 1px solid #dce6df; padding: 6px 10px; text-align: left; vertical-align: top; }
.env-table thead th { background: #eef5f0; }
.env-badge { display: inline-block; min-width: 56px; padding: 1px 8px; border-radius: 4px; font-weight: 600; border: 1px solid rgba(0,0,0,.15); }
.env-badge small { font-weight: 400; }
.env-none { background: #f0f0f0; color: #4a5a50; }
.env-legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; }
.env-swatch { display: inline-block; width: 14px; height: 14px; margin-right: 4px; vertical-align: -2px; border: 1px solid rgba(0,0,0,.2); }
.env-chart { margin: 12px 0; background: #fff; border: 1px solid #dce6df; padding: 8px; }
.env-chart figcaption { color: #4a5a50; font-size: 14px; }
.env-filter { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin: 12px 0; }
.env-filter input { font-size: 16px; padding: 4px 8px; }
.env-filter button { font-size: 16px; padding: 5px 16px; background: #1f8a4c; color: #fff; border: 0; border-radius: 4px; }
.env-bar { display: inline-block; height: 10px; background: #1f8a4c; vertical-align: middle; }
.env-facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
.env-facts dt { color: #4a5a50; }
.env-facts dd { margin: 0; }
.env-list { list-style: none; padding: 0; }
.env-list li { display: flex; gap: 12px; border-bottom: 1px dashed #dce6df; padding: 8px 0; }
.env-list li a { flex: 1; }
.env-pages { display: flex; gap: 8px; }
.env-timeline time { color: #4a5a50; margin-right: 8px; }
@media (max-width: 720px) {
  .env-table { display: block; overflow-x: auto; }
  .env-table th, .env-table td { white-space: nowrap; }
  /* the air-now table becomes one card per station: long advice text needs the full width */
  .env-cards, .env-cards tbody, .env-cards tr, .env-cards th, .env-cards td { display: block; white-space: normal; }
  .env-cards thead { display: none; }
  .env-cards caption { display: block; width: auto; }
  .env-cards tr { border: 1px solid #dce6df; margin-bottom: 12px; background: #fff; }
  .env-cards th, .env-cards td { border: 0; padding: 4px 10px; }
  .env-cards td[data-label]::before { content: attr(data-label) '：'; color: #4a5a50; }
}
`;

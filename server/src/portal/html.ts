// A minimal HTML template tag for server-rendered pages: every interpolated value is escaped unless it
// is itself a template result, so user text can never become markup by accident.
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}

const SPECIAL = /[&<>"']/;
// most text needs no escape: testing first skips the replace's copy (uncached pages, decision 108)
export const escapeHtml = (s: string) => (SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s);

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) {
    // appended, not joined: a join copies a long table's rows once more (a year's history, decision 201)
    let out = '';
    for (const p of part) out += render(p);
    return out;
  }
  return escapeHtml(String(part));
}

/**
 * A template's literal parts without the source's indentation: a line break followed by spaces is a line
 * break alone. The browser renders both alike (no template holds a <pre>), and a year's history table
 * lost a third of its bytes (228 → ~150 KB) to the indentation of its rows. Worked out once per template:
 * a tagged template's `strings` is the same object every time its line runs.
 */
const compacted = new WeakMap<TemplateStringsArray, string[]>();
function literalParts(strings: TemplateStringsArray): string[] {
  let parts = compacted.get(strings);
  if (!parts) {
    parts = strings.map((s) => s.replace(/\n[ \t]+/g, '\n'));
    compacted.set(strings, parts);
  }
  return parts;
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  const parts = literalParts(strings);
  let out = parts[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + parts[i + 1]!;
  return new SafeHtml(out);
}

/** Data for a script to read: JSON, with `<` escaped so no text can close the script element. */
export const jsonIsland = (data: unknown) => new SafeHtml(JSON.stringify(data).replace(/</g, '\\u003c'));

// Saves the map as a picture: a standalone SVG (styles are attributes, so it renders the same
// anywhere, with the Japanese text as text), a PNG drawn from it, and a print-friendly page.
// User text only ever enters these documents as text nodes, never as markup.

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/// A copy of the map's drawing without pan and zoom, sized to its content.
export function standaloneSvg(source: SVGSVGElement, width: number, height: number, title: string): string {
  const svg = source.cloneNode(true) as SVGSVGElement;
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('width', String(Math.ceil(width)));
  svg.setAttribute('height', String(Math.ceil(height)));
  svg.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  svg.removeAttribute('class');
  svg.removeAttribute('style');
  svg.querySelector('[data-viewport]')?.removeAttribute('transform');
  svg.querySelectorAll('[data-export="omit"]').forEach((el) => el.remove());
  // `data-export-<attribute>` gives the value a picture uses instead of the on-screen one
  // (selection and hover looks are interaction, not part of the map).
  for (const el of svg.querySelectorAll('*')) {
    for (const { name, value } of [...el.attributes]) {
      if (!name.startsWith('data-export-')) continue;
      el.setAttribute(name.slice('data-export-'.length), value);
      el.removeAttribute(name);
    }
  }
  const t = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'title');
  t.textContent = title;
  svg.prepend(t);
  const background = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ x: '0', y: '0', width: String(width), height: String(height), fill: '#ffffff' })) background.setAttribute(k, v);
  svg.insertBefore(background, t.nextSibling);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

export function saveSvg(svgText: string, name: string) {
  download(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }), name);
}

export async function savePng(svgText: string, width: number, height: number, name: string, scale = 2) {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) download(blob, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/// Opens the map and its units as a plain page made for paper, and prints it.
export function printMap(svgText: string, title: string, rows: Array<{ label: string; quote: string; note: string }>) {
  const doc = document.implementation.createHTMLDocument(title);
  const style = doc.createElement('style');
  style.textContent = `body{font-family:'Noto Sans CJK JP','Hiragino Sans',sans-serif;margin:16mm;color:#111}
h1{font-size:16pt}svg{max-width:100%;height:auto;page-break-after:always}
table{border-collapse:collapse;width:100%;font-size:10pt}td,th{border:1px solid #999;padding:4px;vertical-align:top;text-align:left}`;
  doc.head.append(style);
  const h1 = doc.createElement('h1');
  h1.textContent = title;
  doc.body.append(h1);
  const holder = doc.createElement('div');
  const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  holder.append(doc.importNode(parsed, true));
  doc.body.append(holder);
  const table = doc.createElement('table');
  for (const row of rows) {
    const tr = doc.createElement('tr');
    for (const cell of [row.label, row.quote, row.note]) {
      const td = doc.createElement('td');
      td.textContent = cell;
      tr.append(td);
    }
    table.append(tr);
  }
  doc.body.append(table);
  const html = `<!doctype html>\n${doc.documentElement.outerHTML}`;
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const win = window.open(url, '_blank');
  if (win) win.addEventListener('load', () => win.print(), { once: true });
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

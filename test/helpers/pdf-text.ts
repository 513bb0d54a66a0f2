// The text of a PDF that Chromium printed, for browser tests that check what a printout holds.
// Not a general PDF reader: it reads what Skia writes (Flate-compressed content streams, fonts
// named /F<object number> with a ToUnicode map, text shown with Tj and TJ of hex strings), and
// puts a line break between text blocks (BT … ET). Enough to find a table's rows in a printout.
import { inflateSync } from "node:zlib";

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const out = new Map<number, PdfObject>();
  const src = pdf.toString("latin1");
  const re = /(\d+) 0 obj\s*<<([\s\S]*?)>>\s*(stream\r?\n|endobj)/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const id = Number(m[1]);
    const dict = m[2] as string;
    if (m[3]?.startsWith("stream")) {
      const start = m.index + m[0].length;
      const end = src.indexOf("endstream", start);
      const raw = pdf.subarray(start, end);
      let stream: Buffer;
      try {
        stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      } catch {
        stream = raw;
      }
      out.set(id, { dict, stream });
      re.lastIndex = end;
    } else out.set(id, { dict });
  }
  return out;
}

/** A ToUnicode CMap: code (hex) → text, and how many hex digits a code has. */
function readCMap(text: string): { width: number; map: Map<string, string> } {
  const map = new Map<string, string>();
  const range = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  const width = range ? (range[1] as string).length : 4;
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const m of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set((m[1] as string).toUpperCase(), utf16(m[2] as string));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const lo = parseInt(m[1] as string, 16);
      const hi = parseInt(m[2] as string, 16);
      const base = parseInt(m[3] as string, 16);
      for (let c = lo; c <= hi; c++) map.set(c.toString(16).toUpperCase().padStart((m[1] as string).length, "0"), String.fromCharCode(base + c - lo));
    }
  }
  return { width, map };
}

/** The text a Chromium-printed PDF shows, page after page, a line per text block. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<string, { width: number; map: Map<string, string> }>();
  for (const [id, o] of objs) {
    const ref = /\/ToUnicode\s+(\d+) 0 R/.exec(o.dict);
    const cmap = ref ? objs.get(Number(ref[1])) : undefined;
    if (cmap?.stream) fonts.set(`F${id}`, readCMap(cmap.stream.toString("latin1")));
  }
  const pages = [...objs.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  const lines: string[] = [];
  for (const page of pages) {
    const refs = /\/Contents\s+(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(page.dict);
    const ids = refs ? [...(refs[1] ?? refs[2] ?? "").matchAll(/(\d+)/g)].map((m) => Number(m[1])).filter((_, i) => !refs[1] || i % 3 === 0) : [];
    for (const id of ids) {
      const content = objs.get(id)?.stream?.toString("latin1") ?? "";
      let font: { width: number; map: Map<string, string> } | undefined;
      let line = "";
      for (const t of content.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|\bET\b/g)) {
        if (t[1]) font = fonts.get(t[1]);
        else if (t[0] === "ET") {
          if (line) lines.push(line);
          line = "";
        } else {
          const hexes = t[3] !== undefined ? [t[3]] : [...(t[2] as string).matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1] as string);
          for (const hex of hexes) for (const code of hex.toUpperCase().match(new RegExp(`.{${font?.width ?? 4}}`, "g")) ?? []) line += font?.map.get(code) ?? "";
        }
      }
      if (line) lines.push(line);
    }
  }
  return lines.join("\n");
}

/** How many pages a PDF has. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

// Parses one official text (Markdown in the layout of the NPC law database's public mirrors)
// into articles → paragraphs (款) → items (项), keyed by the article numbers the rules use
// (第二百八十七条之二 → "287-2"). Pure: the text in, the structure and its problems out.
//
// The layout it reads: a "# title" line, front matter up to "<!-- INFO END -->", headings
// ("## 第一章 总则") for parts, chapters and sections, and one line per paragraph with blank
// lines between. An article starts with a line "第…条 " (a space or an ideographic space
// after 条); each following line is a new paragraph, except a line "（一）…" or "(一)…",
// which is an item of the paragraph before it. A heading ends the article: what follows a
// heading and is not an article (an annex) belongs to no article.
import { compareArticleNumbers, fromChineseNumeral, toChineseNumeral } from "../domain/article-number.js";

export interface TextItem {
  number: number; // 1-based: （三） → 3
  line: number; // 1-based line in the file
  text: string; // without the （三） marker
}

export interface TextParagraph {
  number: number; // 1-based paragraph (款)
  line: number;
  text: string; // the paragraph's own words (for paragraph 1, after 第…条); its items follow
  items: TextItem[];
}

export interface TextArticle {
  number: string; // "37", "287-2"
  line: number;
  chapter?: string; // the last heading above it, e.g. 第四章 网络信息安全
  paragraphs: TextParagraph[];
}

export interface TextProblem {
  line?: number;
  message: string;
}

export interface ParsedLawText {
  title?: string; // the first "# " heading
  articles: readonly TextArticle[];
  articleByNumber: ReadonlyMap<string, TextArticle>;
  problems: TextProblem[];
}

const ARTICLE = /^第([零〇一二两三四五六七八九十百千]+)条(?:之([零〇一二两三四五六七八九十]+))?(?:[\s\u3000]+(.*))?$/;
const ITEM = /^[（(]([零〇一二两三四五六七八九十]+)[）)][\s\u3000]*(.*)$/;
const HEADING = /^(#{1,6})[\s\u3000]+(.*)$/;
const FRONT_MATTER_END = "<!-- INFO END -->";

export function parseLawText(source: string): ParsedLawText {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  const problems: TextProblem[] = [];
  const articles: TextArticle[] = [];
  const articleByNumber = new Map<string, TextArticle>();
  let title: string | undefined;
  let chapter: string | undefined;
  let current: TextArticle | undefined;
  const frontMatterEnd = lines.findIndex((l) => l.trim() === FRONT_MATTER_END);

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.replace(/[\s\u3000]+$/, "").replace(/^[\s\u3000]+/, "");
    if (line === "") return;
    const heading = HEADING.exec(line);
    if (heading) {
      const text = (heading[2] ?? "").trim();
      if (heading[1] === "#" && title === undefined) title = text;
      else if (index > frontMatterEnd) chapter = text;
      current = undefined;
      return;
    }
    if (index <= frontMatterEnd) return; // dates of adoption and amendment
    const article = ARTICLE.exec(line);
    if (article) {
      const main = fromChineseNumeral(article[1] as string);
      const sub = article[2] === undefined ? undefined : fromChineseNumeral(article[2]);
      if (!main || (article[2] !== undefined && !sub)) {
        problems.push({ line: lineNo, message: `cannot read the article number in "${line.slice(0, 20)}"` });
        current = undefined;
        return;
      }
      const number = sub ? `${main}-${sub}` : String(main);
      const earlier = articleByNumber.get(number);
      if (earlier) {
        problems.push({ line: lineNo, message: `Art. ${number} (${line.slice(0, line.indexOf("条") + 1)}) appears twice; the first is at line ${earlier.line}` });
        current = undefined;
        return;
      }
      const previous = articles.at(-1);
      if (previous && compareArticleNumbers(previous.number, number) > 0) {
        problems.push({ line: lineNo, message: `Art. ${number} follows Art. ${previous.number}: articles out of order` });
      }
      current = { number, line: lineNo, ...(chapter ? { chapter } : {}), paragraphs: [] };
      articles.push(current);
      articleByNumber.set(number, current);
      const rest = (article[3] ?? "").trim();
      if (rest) current.paragraphs.push({ number: 1, line: lineNo, text: rest, items: [] });
      return;
    }
    if (!current) return; // a preamble or an annex: no article holds it
    const item = ITEM.exec(line);
    const paragraph = current.paragraphs.at(-1);
    if (item && paragraph) {
      const n = fromChineseNumeral(item[1] as string) ?? 0;
      const expected = paragraph.items.length + 1;
      if (n !== expected) problems.push({ line: lineNo, message: `Art. ${current.number} para. ${paragraph.number}: item （${item[1]}） where item ${expected} was expected` });
      paragraph.items.push({ number: n, line: lineNo, text: (item[2] ?? "").trim() });
      return;
    }
    current.paragraphs.push({ number: current.paragraphs.length + 1, line: lineNo, text: line, items: [] });
  });

  if (articles.length === 0) problems.push({ line: undefined, message: "no article found (an article is a line that starts with 第…条 and a space)" });
  for (const a of articles) if (a.paragraphs.length === 0) problems.push({ line: a.line, message: `Art. ${a.number} has no text` });
  return { title, articles, articleByNumber, problems };
}

/** The article's whole text as one string: paragraphs on their own lines, items after them. */
export function articleText(a: TextArticle): string {
  return a.paragraphs.map(paragraphText).join("\n");
}

/** A paragraph with its items, as the law prints it: （一）… on lines of their own. */
export function paragraphText(p: TextParagraph): string {
  return [p.text, ...p.items.map((i) => `（${itemMarker(i.number)}）${i.text}`)].join("\n");
}

/** 3 → 三, 12 → 十二: an item's number as its marker writes it. */
export function itemMarker(n: number): string {
  return toChineseNumeral(n);
}

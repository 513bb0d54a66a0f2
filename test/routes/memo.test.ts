import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { useTestApp, visibleText } from "../helpers/test-app.js";

const server = useTestApp();
const get = server.get;
const text = visibleText;

// Five provisions from three instruments, one of them narrowed to a single duty.
const ITEMS = [
  "counterterrorism-law/2016-01-01/art-84",
  "cybersecurity-law/2017-06-01/art-37/store-in-china",
  "cybersecurity-law/2026-01-01/art-61",
  "foundations-draft/2016-05-26/art-3",
  "counterterrorism-law/2016-01-01/art-18",
];
const QUERY = `items=${ITEMS.join(",")}&actor=cii-operator&title=Data%20memo&data=2026.06.01`;

describe("/memo", () => {
  it("shows the items in the user's order with pinned links, both citations and the data version", async () => {
    const res = await get(`/memo?${QUERY}`);
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    expect(t).toContain("Data memo");
    expect(t).toMatch(/Rules as of 1 June 2026, data version [\w.-]+\./);
    expect(t).toContain("Obligations shown for: Critical information infrastructure operator");
    const order = ["CTL Art. 84", "CSL Art. 37", "CSL Art. 61", "Foundations draft Art. 3", "CTL Art. 18"].map((l) => t.indexOf(l));
    expect(order.every((pos, i) => pos > -1 && (i === 0 || pos > (order[i - 1] as number)))).toBe(true);
    expect(res.body).toContain('href="http://test.local/laws/cybersecurity-law/2017-06-01/art-37"');
    expect(t).toContain("《中华人民共和国网络安全法》（2017年6月1日起施行文本）第三十七条");
    expect(t).toContain("Store data in China.");
    expect(t).toContain("From a draft");
  });

  it("moves and removes items by links that work without JavaScript", async () => {
    const res = await get(`/memo?items=${ITEMS.slice(0, 3).join(",")}`);
    expect(res.body).toContain(`href="/memo?items=${[ITEMS[1], ITEMS[0], ITEMS[2]].join(",")}"`); // item 2 up
    expect(res.body).toContain(`href="/memo?items=${[ITEMS[0], ITEMS[2]].join(",")}"`); // remove item 2
  });

  it("adds an article typed as a citation or a path and redirects to the canonical memo URL", async () => {
    const byCitation = await get(`/memo?items=${ITEMS[0]}&add=${encodeURIComponent("CTL 18")}`);
    expect(byCitation.statusCode).toBe(303);
    expect(byCitation.headers.location).toMatch(new RegExp(`^/memo\\?items=${ITEMS[0]},counterterrorism-law/2016-01-01/art-18&data=[\\w.-]+#item-2$`));
    const byPath = await get(`/memo?add=${ITEMS[1]}`);
    expect(byPath.headers.location).toMatch(new RegExp(`^/memo\\?items=${ITEMS[1]}&data=`));
  });

  it("asks which article is meant, inside the memo page, each choice a link that adds it", async () => {
    // The fixture CSL numbers data localisation 37 in 2017 and 39 in 2026; 39 is also CII measures in 2017.
    const res = await get(`/memo?items=counterterrorism-law/2016-01-01/art-84&add=${encodeURIComponent("CSL 39")}`);
    expect(res.statusCode).toBe(200);
    const t = text(res.body);
    expect(t).toContain("Which text of “CSL 39”?");
    expect(t).toContain("names different articles in different texts");
    expect(t).toContain("Add CSL Art. 39 (2017)");
    expect(t).toContain("Add CSL Art. 39 (2026)");
    // each choice keeps the memo's items and adds the chosen text
    expect(res.body).toMatch(/href="\/memo\?items=counterterrorism-law\/2016-01-01\/art-84,cybersecurity-law\/2017-06-01\/art-39&amp;data=[^"#]+#item-2"/);
    expect(res.body).toMatch(/href="\/memo\?items=counterterrorism-law\/2016-01-01\/art-84,cybersecurity-law\/2026-01-01\/art-39&amp;data=[^"#]+#item-2"/);
    // the memo itself is still there
    expect(t).toContain("CTL Art. 84");
  });

  it("answers a bad item with a 400 naming the parameter", async () => {
    const bad = await get("/memo?items=cybersecurity-law/2019-01-01/art-37");
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain("items");
    expect(text(bad.body)).toContain('has no version "2019-01-01"');
    const duty = await get("/memo?items=cybersecurity-law/2017-06-01/art-37/no-such-duty");
    expect(duty.statusCode).toBe(400);
    expect(text(duty.body)).toContain("(it has store-in-china)");
  });

  it("warns when the memo was made with older data", async () => {
    const t = text((await get(`/memo?items=${ITEMS[0]}&data=2020.01.01`)).body);
    expect(t).toContain("made with data version 2020.01.01");
  });

  it("explains an empty memo, and refuses to export one", async () => {
    expect(text((await get("/memo")).body)).toContain("The memo is empty");
    const md = await get("/memo.md");
    expect(md.statusCode).toBe(400);
  });
});

describe("memo exports round-trip", () => {
  const permalinks = ITEMS.map((i) => `http://test.local/laws/${i.split("/").slice(0, 3).join("/")}`);
  const inOrder = (body: string, needles: string[]) => {
    let from = 0;
    for (const n of needles) {
      const at = body.indexOf(n, from);
      if (at < 0) return false;
      from = at + n.length;
    }
    return true;
  };

  it("JSON carries exactly the items, in order, with citations", async () => {
    const res = await get(`/memo.json?${QUERY}`);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const doc = res.json();
    expect(doc.items.map((i: { item: string }) => i.item)).toEqual(ITEMS);
    expect(doc.items.map((i: { permalink: string }) => i.permalink)).toEqual(permalinks);
    expect(doc.title).toBe("Data memo");
    expect(doc.items[1].obligations).toHaveLength(1);
    expect(doc.items[1].citation.english).toMatch(/^Cybersecurity Law .* art\. 37/);
    expect(doc.url).toBe(`http://test.local/memo?${QUERY}`);
  });

  it("Markdown has every item as a heading with a footnoted citation and the pinned link", async () => {
    const res = await get(`/memo.md?${QUERY}`);
    expect(res.headers["content-type"]).toMatch(/^text\/markdown/);
    const md = res.body;
    expect(md.startsWith("# Data memo\n")).toBe(true);
    expect(inOrder(md, ITEMS.map((_, i) => `## ${i + 1}. `))).toBe(true);
    expect(inOrder(md, ITEMS.map((_, i) => `[^${i + 1}]: `))).toBe(true);
    for (const [i, p] of permalinks.entries()) expect(md).toMatch(new RegExp(`\\[\\^${i + 1}\\]: .*<${p.replace(/[.?]/g, "\\$&")}>`));
  });

  it("Word HTML has the same items, citations and links, without scripts or styles", async () => {
    const res = await get(`/memo.html?${QUERY}`);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(inOrder(res.body, ITEMS.map((_, i) => `<li id="fn${i + 1}"`))).toBe(true);
    expect(inOrder(res.body, permalinks.map((p) => `href="${p}"`))).toBe(true);
    expect(res.body).not.toMatch(/<script|<link|style=/);
    expect(res.body).toContain("第三十七条");
  });

  it("CSV has one row per item in order", async () => {
    const res = await get(`/memo.csv?${QUERY}`);
    const lines = res.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^position,item,instrument,version,article,/);
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(ITEMS);
  });

  it("Word (.docx) is a Word package whose document holds every item, its footnoted citation and hyperlinked permalink", async () => {
    const res = await get(`/memo.docx?${QUERY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="data-memo.docx"; filename*=UTF-8\'\'Data%20memo.docx');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/footnotes.xml", "word/_rels/document.xml.rels"]));
    const xml = strFromU8(files["word/document.xml"] as Uint8Array);
    expect(inOrder(xml, ["Data memo", "CTL Art. 84", "CSL Art. 37", "CSL Art. 61", "Foundations draft Art. 3", "CTL Art. 18"])).toBe(true);
    expect(xml.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(ITEMS.length);
    expect(xml).toContain("<w:tbl>"); // the sanctions tables
    const rels = strFromU8(files["word/_rels/document.xml.rels"] as Uint8Array);
    for (const p of permalinks) expect(rels).toContain(`Target="${p}" TargetMode="External"`);
    const footnotes = strFromU8(files["word/footnotes.xml"] as Uint8Array);
    expect(footnotes).toContain("第三十七条");
  });

  it("Markdown and CSV download under a file name made from the title", async () => {
    const md = await get(`/memo.md?${QUERY}`);
    expect(md.headers["content-disposition"]).toBe('attachment; filename="data-memo.md"; filename*=UTF-8\'\'Data%20memo.md');
    const csv = await get(`/memo.csv?items=${ITEMS[0]}&title=${encodeURIComponent("网络安全 memo")}`);
    expect(csv.headers["content-disposition"]).toBe("attachment; filename=\"memo.csv\"; filename*=UTF-8''%E7%BD%91%E7%BB%9C%E5%AE%89%E5%85%A8%20memo.csv");
    const plain = await get(`/memo.csv?items=${ITEMS[0]}`);
    expect(plain.headers["content-disposition"]).toBe('attachment; filename="compliance-memo.csv"; filename*=UTF-8\'\'Compliance%20memo.csv');
  });

  it("Markdown reads as sentences and does not mangle numbers", async () => {
    const md = (await get(`/memo.md?${QUERY.replace("title=Data%20memo", "title=1.%20Data%20%282026%29")}`)).body;
    expect(md.startsWith("# 1\\. Data (2026)\n")).toBe(true);
    expect(md).not.toMatch(/\.; binds:/);
    expect(md).toMatch(/\*Binds:\* Critical information infrastructure operator\./);
  });

  it("strips control and bidirectional-override characters from the title", async () => {
    const title = encodeURIComponent("Memo\u202Eevil\u0007 \u2066x\u2069");
    const doc = (await get(`/memo.json?items=${ITEMS[0]}&title=${title}`)).json();
    expect(doc.title).toBe("Memo evil x");
    const page = await get(`/memo?items=${ITEMS[0]}&title=${title}`);
    expect(page.body).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0007]/);
  });

  it("the same URL gives the same bytes every time", async () => {
    for (const ext of ["docx", "md", "html", "csv", "json"]) {
      const a = await get(`/memo.${ext}?${QUERY}`);
      const b = await get(`/memo.${ext}?${QUERY}`);
      expect(Buffer.compare(a.rawPayload, b.rawPayload), ext).toBe(0);
    }
  });

  it("escapes a hostile title in every format", async () => {
    const title = encodeURIComponent("<script>alert(1)</script> *bold* [x](javascript:alert(1))");
    const md = (await get(`/memo.md?items=${ITEMS[0]}&title=${title}`)).body;
    expect(md).toContain("# \\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](javascript:alert(1))");
    const html = (await get(`/memo.html?items=${ITEMS[0]}&title=${title}`)).body;
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("add-to-memo controls", () => {
  it("carries the memo being built (?memo=…) in the article page's forms and header link", async () => {
    const memo = "counterterrorism-law/2016-01-01/art-84,cybersecurity-law/2026-01-01/art-61";
    const res = await get(`/laws/cybersecurity-law/2017-06-01/art-37?memo=${memo}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<input type="hidden" name="items" value="${memo}" data-memo-items-field>`);
    expect(res.body).toContain(`href="/memo?items=${memo}" id="memo-link" data-memo-carried>Memo (2)</a>`);
    const bad = await get("/laws/cybersecurity-law/2017-06-01/art-37?memo=nowhere/2017-06-01/art-1");
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain("memo");
  });

  it("offers a search from the memo page that carries the memo to its results", async () => {
    const res = await get(`/memo?items=${ITEMS[0]}`);
    expect(res.body).toMatch(/<form method="get" action="\/search" class="memo-find" role="search">\s*<input type="hidden" name="memo" value="counterterrorism-law\/2016-01-01\/art-84">/);
    // the header's search box carries it too
    expect(res.body).toMatch(/<form class="search" action="\/search" method="get" role="search">\s*<input type="hidden" name="memo" value="counterterrorism-law\/2016-01-01\/art-84">/);
    const found = await get(`/search?q=data&memo=${ITEMS[0]}`);
    expect(found.body).toContain(`<input type="hidden" name="items" value="${ITEMS[0]}" data-memo-items-field>`);
    expect(found.body).toMatch(/href="\/laws\/cybersecurity-law\/[^"]+\?memo=counterterrorism-law\/2016-01-01\/art-84"/);
  });

  it("opens a role's register from the memo page, which adds to the memo it carries, in every link", async () => {
    const memoPage = await get(`/memo?items=${ITEMS[0]}`);
    expect(memoPage.body).toMatch(/<form method="get" action="\/profile#results" class="memo-register">\s*<input type="hidden" name="memo" value="counterterrorism-law\/2016-01-01\/art-84">/);
    const register = await get(`/profile?actor=cii-operator&memo=${ITEMS[0]}`);
    expect(register.statusCode).toBe(200);
    const body = register.body;
    expect(text(body)).toMatch(/Adding to your memo of 1 item:\s*back to the memo\s*\./);
    // each duty card adds to the carried memo, and so does "Add all"
    expect(body).toContain(`<input type="hidden" name="items" value="${ITEMS[0]}" data-memo-items-field>`);
    expect(body).toContain(`class="memo-all" href="/memo?items=${encodeURIComponent(`${ITEMS[0]},`)}`);
    // filters, the role links and the form keep it; the exports and the register's own address do not
    expect(body).toMatch(/href="\/profile\?actor=cii-operator&amp;scope=all&amp;memo=counterterrorism-law%2F2016-01-01%2Fart-84#results"|href="\/profile\?actor=cii-operator&amp;memo=counterterrorism-law%2F2016-01-01%2Fart-84&amp;scope=all#results"/);
    expect(body).toContain(`href="/actors/cii-operator?memo=${encodeURIComponent(ITEMS[0] as string)}"`);
    expect(body).toContain(`<input type="hidden" name="memo" value="${ITEMS[0]}">`);
    expect(body).toMatch(/data-export="csv"/);
    expect(body).not.toMatch(/href="\/profile\.csv[^"]*memo/);
    expect(body).toContain(`href="/memo?items=${ITEMS[0]}" id="memo-link" data-memo-carried>Memo (1)</a>`);
    const actor = await get(`/actors/cii-operator?memo=${ITEMS[0]}`);
    expect(actor.statusCode).toBe(200);
    expect(actor.body).toContain(`<input type="hidden" name="items" value="${ITEMS[0]}" data-memo-items-field>`);
    expect((await get("/actors/cii-operator?memo=nowhere/2017-06-01/art-1")).statusCode).toBe(400);
  });

  it("keeps the memo through the questions when no role is picked yet, and in the header's register link", async () => {
    const res = await get(`/profile?memo=${ITEMS[0]}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<form class="questionnaire" method="get" action="\/profile#results">\s*<input type="hidden" name="memo" value="counterterrorism-law\/2016-01-01\/art-84">/);
    expect(res.body).toContain(`<a href="/profile?memo=${ITEMS[0]}">Compliance register</a>`);
    const plain = await get("/profile");
    expect(plain.body).toContain('<a href="/profile">Compliance register</a>');
    expect(plain.body).not.toContain('name="memo"');
  });

  it("every article page and duty carries a form that works without JavaScript", async () => {
    const res = await get("/laws/cybersecurity-law/2017-06-01/art-37");
    expect(res.body).toContain('<input type="hidden" name="add" value="cybersecurity-law/2017-06-01/art-37">');
    expect(res.body).toContain('<input type="hidden" name="add" value="cybersecurity-law/2017-06-01/art-37/store-in-china">');
    const actor = await get("/actors/cii-operator");
    expect(actor.body).toMatch(/name="add" value="cybersecurity-law\/\d{4}-\d{2}-\d{2}\/art-\d+\/store-in-china"/);
  });
});

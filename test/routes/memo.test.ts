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

  it("asks which article is meant when a number names different articles in different texts", async () => {
    // The fixture CSL numbers data localisation 37 in 2017 and 39 in 2026; 39 is also CII measures in 2017.
    const res = await get(`/memo?add=${encodeURIComponent("CSL 39")}`);
    expect(res.statusCode).toBe(400);
    const t = text(res.body);
    expect(t).toContain("names different articles in different texts");
    expect(t).toContain("cybersecurity-law/2017-06-01/art-39");
    expect(t).toContain("cybersecurity-law/2026-01-01/art-39");
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

  it("the same URL gives the same bytes every time", async () => {
    for (const ext of ["md", "html", "csv", "json"]) {
      const a = await get(`/memo.${ext}?${QUERY}`);
      const b = await get(`/memo.${ext}?${QUERY}`);
      expect(a.body).toBe(b.body);
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
  it("every article page and duty carries a form that works without JavaScript", async () => {
    const res = await get("/laws/cybersecurity-law/2017-06-01/art-37");
    expect(res.body).toContain('<input type="hidden" name="add" value="cybersecurity-law/2017-06-01/art-37">');
    expect(res.body).toContain('<input type="hidden" name="add" value="cybersecurity-law/2017-06-01/art-37/store-in-china">');
    const actor = await get("/actors/cii-operator");
    expect(actor.body).toMatch(/name="add" value="cybersecurity-law\/\d{4}-\d{2}-\d{2}\/art-\d+\/store-in-china"/);
  });
});

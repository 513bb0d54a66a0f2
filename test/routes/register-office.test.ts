// The register handed over to an officer: /profile.xlsx read back with the spreadsheet library
// (header, stable obligation IDs, a cell per ladder step, hyperlinks, workflow columns with the
// status drop-down, frozen header, filters, summary sheet), /profile.docx as a Word package, and
// every export a download named after the roles and the date.
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../helpers/test-app.js";

const t = useTestApp();
const QUERY = "actor=cii-operator&actor=telecom-operator";

async function workbook(url: string): Promise<ExcelJS.Workbook> {
  const res = await t.get(url);
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

describe("/profile.xlsx", () => {
  it("has one row per duty with its stable obligation ID, a cell per ladder step, the permalink as a hyperlink and empty workflow columns", async () => {
    const wb = await workbook(`/profile.xlsx?${QUERY}`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Register", "Summary"]);
    const ws = wb.getWorksheet("Register") as ExcelJS.Worksheet;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 3)).toEqual(["Obligation ID", "Law", "Article"]);
    expect(header.slice(-5)).toEqual(["Applicability", "Owner", "Status", "Evidence", "Next review"]);
    expect(header).toContain("Step 1");
    expect(ws.rowCount).toBe(1 + 6);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2));
    const ids = rows.map((r) => r.getCell(col("Obligation ID")).value);
    // instrument/lineage-id#obligation-id: the 2017 Art. 21 is the 2026 Art. 23, one ID for both.
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\/p[0-9a-z-]+#[a-z0-9-]+$/);
    const protect = rows.find((r) => r.getCell(col("Duty")).value === "Run the tiered protection scheme.") as ExcelJS.Row;
    expect(protect.getCell(col("Obligation ID")).value).toBe("cybersecurity-law/p21#protect");
    // Each step in its own cell, the step's words and article before its sanctions.
    expect(String(protect.getCell(col("Step 1")).value)).toMatch(/^If it refuses to correct or harm results \(CSL Art\. 61 \(2026\)\): /);
    expect(String(protect.getCell(col("Step 1")).value)).toContain("Entity: Fine RMB 10,000–500,000");
    const link = protect.getCell(col("Permalink")).value as { text: string; hyperlink: string };
    expect(link.hyperlink).toBe("http://test.local/laws/cybersecurity-law/2026-01-01/art-23");
    for (const name of ["Applicability", "Owner", "Status", "Evidence", "Next review"]) expect(protect.getCell(col(name)).value ?? null, name).toBeNull();
  });

  it("offers the status as a drop-down of the five values, freezes the header and filters every column", async () => {
    const wb = await workbook(`/profile.xlsx?${QUERY}`);
    const ws = wb.getWorksheet("Register") as ExcelJS.Worksheet;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const status = ws.getCell(2, header.indexOf("Status") + 1).dataValidation;
    expect(status.type).toBe("list");
    expect(status.formulae).toEqual(['"not assessed,applicable,not applicable,complying,not complying"']);
    expect(ws.getCell(ws.rowCount, header.indexOf("Status") + 1).dataValidation.type).toBe("list");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(JSON.stringify(ws.autoFilter)).toMatch(/A1/);
  });

  it("has a summary sheet with the header block, the counts and the exposure by law", async () => {
    const wb = await workbook(`/profile.xlsx?${QUERY}`);
    const sum = wb.getWorksheet("Summary") as ExcelJS.Worksheet;
    const labels: string[] = [];
    sum.eachRow((r) => labels.push(String(r.getCell(1).value)));
    expect(labels[0]).toBe("Compliance register: Critical information infrastructure operator + Telecommunications operator");
    for (const l of ["Roles", "Law as at", "Data version", "Scope", "General duties", "Exposure: CSL", "Exposure: CTL", "Heaviest 1"]) expect(labels, l).toContain(l);
  });
});

describe("/profile.docx", () => {
  it("is a Word package whose document holds the summary and every duty", async () => {
    const res = await t.get(`/profile.docx?${QUERY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/_rels/document.xml.rels"]));
    const doc = strFromU8(files["word/document.xml"] as Uint8Array);
    for (const s of ["Summary", "Run the tiered protection scheme.", "Provide technical interfaces and decryption support.", "cybersecurity-law/p21#protect"]) expect(doc).toContain(s);
    // The same register gives the same bytes.
    expect(Buffer.compare((await t.get(`/profile.docx?${QUERY}`)).rawPayload, res.rawPayload)).toBe(0);
  });
});

describe("every export", () => {
  it.each(["csv", "md", "html", "xlsx", "docx"])("%s downloads under a name with the roles and the date", async (ext) => {
    const res = await t.get(`/profile.${ext}?${QUERY}&at=2020-01-01`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="register_cii-operator+telecom-operator_2020-01-01.${ext}"`);
  });
});

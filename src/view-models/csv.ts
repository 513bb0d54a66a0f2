// RFC 4180 CSV: every field quoted when it must be, CRLF line ends, a BOM so spreadsheet
// programs read the Chinese text as UTF-8.
export function toCsv(rows: readonly (readonly (string | number | undefined)[])[]): string {
  const field = (v: string | number | undefined) => {
    if (v === undefined) return "";
    const s = String(v);
    // A leading =, +, - or @ would run as a formula in a spreadsheet, and so would one after a
    // leading tab or carriage return (which spreadsheets strip): neutralise it.
    const safe = /^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
}

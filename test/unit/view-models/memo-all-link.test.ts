// "Add all N to memo" on a register: one GET link that holds the duties, after the items of the
// memo being built (carried without JavaScript), within what a memo holds.
import { describe, expect, it } from "vitest";
import { MAX_MEMO_ITEMS } from "../../../src/memo/memo-items.js";
import { memoAllLink, type DutyCard } from "../../../src/view-models/register.js";

const card = (article: number, duty: string): DutyCard => ({ memoItem: `law/2020-01-01/art-${article}/${duty}`, instrumentId: "law", versionId: "2020-01-01", number: String(article) }) as unknown as DutyCard;
const items = (href: string) => (new URL(href, "http://x").searchParams.get("items") ?? "").split(",");

describe("memoAllLink", () => {
  it("adds every duty, after the carried memo, and never one twice", () => {
    const link = memoAllLink([card(1, "a"), card(1, "b"), card(2, "c")], ["law/2020-01-01/art-1/a", "other/2020-01-01/art-9"]);
    expect(link?.count).toBe(2);
    expect(items(link?.href ?? "")).toEqual(["law/2020-01-01/art-1/a", "other/2020-01-01/art-9", "law/2020-01-01/art-1/b", "law/2020-01-01/art-2/c"]);
  });

  it("adds articles instead of duties when the duties do not fit beside the carried memo", () => {
    const cards = Array.from({ length: MAX_MEMO_ITEMS }, (_, i) => card(1 + (i % 3), `d${i}`));
    const link = memoAllLink(cards, ["other/2020-01-01/art-9"]);
    expect(link?.count).toBe(3);
    expect(items(link?.href ?? "")).toEqual(["other/2020-01-01/art-9", "law/2020-01-01/art-1", "law/2020-01-01/art-2", "law/2020-01-01/art-3"]);
    expect(link?.note).toMatch(/more than your memo has room for/);
  });

  it("offers nothing when every duty is in the memo already", () => {
    expect(memoAllLink([card(1, "a")], ["law/2020-01-01/art-1/a"])).toBeUndefined();
  });
});

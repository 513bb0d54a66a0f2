// "High confidence" means read from an official text: an article marked high is shown medium in a
// text that was described from a later official text (or read from a reproduction), with why, on
// its page and in the memo; in its official text it stays high.
import { describe, expect, it } from "vitest";
import { fixtureRulesWith } from "../helpers/fixture-variants.js";
import { useTestApp, visibleText } from "../helpers/test-app.js";

describe("confidence by the text it was read from", async () => {
  const t = useTestApp(
    await fixtureRulesWith({
      // The 2017 text described from the 2026 one; what stands only in it is medium, as the validator requires.
      "cybersecurity-law.yaml": (s) =>
        s
          .replace("{ id: 2017-06-01, readFrom: official,", "{ id: 2017-06-01, readFrom: later-text,")
          .replaceAll("        versions: [2017-06-01]\n", "        versions: [2017-06-01]\n        confidence: medium\n")
          .replace("    confidence: high\n  - id: p20-v2026", "    confidence: medium\n    confidenceNote: Fixture.\n  - id: p20-v2026"),
    }),
  );

  it("shows an article marked high as medium in a text described from a later one, and says why", async () => {
    const page = visibleText((await t.get("/laws/cybersecurity-law/2017-06-01/art-59")).body);
    expect(page).toContain("described from a later official text, on the footing that the article did not change");
    expect(page).not.toContain("Checked against the official text");
  });

  it("keeps it high in the text read from the official publication", async () => {
    expect(visibleText((await t.get("/laws/cybersecurity-law/2026-01-01/art-61")).body)).toContain("Checked against the official text");
  });

  it("gives the same confidence in the memo", async () => {
    const memo = (await t.get("/memo.json?items=cybersecurity-law/2017-06-01/art-59")).json();
    expect(memo.items[0].confidence).toBe("medium");
    expect((await t.get("/memo.json?items=cybersecurity-law/2026-01-01/art-61")).json().items[0].confidence).toBe("high");
  });
});

// Issue 22's acceptance on the real rules: no duty in any register carries a tier that does not
// punish one of its bearers. Every actor's register is built (drafts and superseded texts
// included, at the data's date and at each text's first day), and every tier under every duty,
// its own or by referral, must punish an actor that the role is a kind of, and the duty must bind
// the role.
import { describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { isAOf } from "../../../src/query/actor-obligations.js";
import { buildRegister } from "../../../src/query/register.js";
import { REAL_RULES } from "../../helpers/test-app.js";

const catalog: Catalog = await loadRules(REAL_RULES);
const isA = isAOf(catalog);
const dates = [...new Set([catalog.meta.asOf, ...catalog.instruments.flatMap((i) => i.versions.map((v) => v.id))])].sort();

describe("every register of every actor", () => {
  it.each(catalog.actors.map((a) => [a.id] as const))("%s: each tier under a duty punishes the role as a bearer of that duty", (actor) => {
    const wrong: string[] = [];
    for (const at of dates) {
      const reg = buildRegister(catalog, [actor], { scope: "all", instrument: [], theme: [], include: "all", sort: "article", at });
      for (const d of reg.duties) {
        if (!d.obligation.actors.some((b) => isA(actor, b))) wrong.push(`${at} ${d.key}: does not bind ${actor}`);
        for (const t of [...d.tiers, ...d.referred]) {
          if (!t.tier.punishes?.some((x) => isA(actor, x))) wrong.push(`${at} ${d.key}: ${t.key} punishes ${t.tier.punishes?.join(", ") ?? "no one named"}, not ${actor}`);
        }
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it("walks registers that carry penalties", () => {
    const reg = buildRegister(catalog, ["cii-operator"], { scope: "all", instrument: [], theme: [], include: "binding", sort: "article" });
    expect(reg.duties.filter((d) => d.tiers.length > 0).length).toBeGreaterThan(50);
  });
});

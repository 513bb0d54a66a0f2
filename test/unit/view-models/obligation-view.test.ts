// Why a duty binds an actor, in words: the reason names the bound actor once ("any person or
// organisation" already says every one of them).
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { explainReason } from "../../../src/view-models/obligation-view.js";
import { FIXTURE_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(FIXTURE_RULES);
});

describe("explainReason", () => {
  it.each([
    [["network-operator"], "Binds a network operator directly"],
    [["anyone"], "Binds any person or organisation directly"],
    [["network-operator", "anyone"], "Binds any person or organisation; a network operator is one"],
    [["cii-operator", "network-operator"], "Binds every network operator; a critical information infrastructure operator is one"],
  ])("%j → %s", (chain, sentence) => {
    expect(explainReason(catalog, chain)).toBe(sentence);
  });
});

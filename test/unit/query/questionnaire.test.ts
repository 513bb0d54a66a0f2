// The questionnaire's mapping from answers to actor types, on the real rules/questionnaire.yaml:
// one test per question, each answer's roles, reasons in plain words, and "don't know" kept as
// needs review with the provision that defines the role.
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../../src/domain/catalog.js";
import { loadRules } from "../../../src/data/load-rules.js";
import { deriveRoles, kindOfChain, questions } from "../../../src/query/questionnaire.js";
import { roleReason } from "../../../src/view-models/register.js";
import { REAL_RULES } from "../../helpers/test-app.js";

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadRules(REAL_RULES);
});

const roles = (answers: Record<string, string[]>) => deriveRoles(catalog, answers).roles.map((r) => r.actor);
const review = (answers: Record<string, string[]>) => deriveRoles(catalog, answers).review.map((r) => ({ actor: r.actor, definedBy: r.definedBy }));

// [question, answer, roles it brings, roles it lists for review]
const EXPECTED: [string, string, string[], string[]][] = [
  ["service", "access-hosting", ["internet-service-provider"], []],
  ["service", "instant-messaging", ["instant-messaging-provider"], []],
  ["service", "public-accounts", ["public-account-provider"], []],
  ["service", "online-platform", ["network-platform-service-provider"], []],
  ["service", "search", ["search-service-provider"], []],
  ["service", "mobile-app", ["app-provider"], []],
  ["service", "app-store", ["app-store", "message-and-app-distribution-provider"], []],
  ["service", "news", ["internet-news-service-provider"], []],
  ["service", "online-publishing", ["online-publisher"], []],
  ["service", "audiovisual", ["audiovisual-service-provider"], []],
  ["service", "internet-maps", ["internet-map-service-provider"], []],
  ["service", "domain-registration", ["domain-registrar"], []],
  ["service", "telecoms", ["telecom-operator"], []],
  ["service", "banking", ["banking-institution"], []],
  ["service", "securities", ["financial-institution"], []],
  ["service", "insurance", ["financial-institution"], []],
  ["service", "cloud", ["internet-service-provider", "network-product-provider"], []],
  ["service", "generative-ai", ["generative-ai-service-provider", "internet-service-provider"], []],
  ["service", "device-maker", ["preinstalled-app-device-maker", "network-product-provider"], []],
  // Follow-ups: what they add to the answer they follow up (service=cloud, service=online-platform).
  ["telecom-licence", "yes", ["telecom-operator"], []],
  ["telecom-licence", "no", [], []],
  ["platform-size", "yes", [], ["large-network-platform"]],
  ["platform-size", "no", [], []],
  ["service", "payment", ["non-bank-payment-institution"], []],
  ["service", "logistics", ["logistics-operator"], []],
  ["service", "passenger-transport", ["transport-operator"], []],
  ["service", "public-transport", ["public-transport-operator"], []],
  ["service", "hotel", ["hotel-operator"], []],
  ["cii", "yes", ["cii-operator"], []],
  ["cii", "not-designated", [], ["cii-operator"]],
  ["cii", "unknown", [], ["cii-operator"]],
  ["cii", "no", [], []],
  ["pi", "yes", ["personal-information-handler", "data-handler"], []],
  ["pi", "ten-million", ["ten-million-pi-handler", "personal-information-handler", "data-handler"], []],
  ["pi", "unknown", [], ["personal-information-handler", "data-handler"]],
  ["pi", "no", [], []],
  ["important-data", "yes", ["important-data-handler"], []],
  ["important-data", "unknown", [], ["important-data-handler"]],
  ["important-data", "no", [], []],
  ["health", "yes", ["health-data-holder"], []],
  ["health", "unknown", [], ["health-data-holder"]],
  ["health", "no", [], []],
  ["org", "fngo-office", ["fngo-representative-office"], []],
  ["org", "fngo-temporary", ["overseas-ngo"], []],
  ["org", "chinese-partner", ["chinese-partner-unit"], []],
  ["org", "foreign-university", ["foreign-academic-institution"], []],
  ["org", "chinese-university", ["chinese-academic-institution"], []],
  ["org", "foreign-company-office", ["organisation"], []],
  ["org", "law-firm", ["law-firm"], []],
  ["org", "soe", ["state-owned-enterprise"], []],
  ["org", "central-soe", ["central-soe"], []],
  ["org", "charity", ["charity"], []],
  ["org", "foundation", ["foundation"], []],
  ["org", "social-group", ["social-group"], []],
  ["org", "social-service-agency", ["social-service-agency"], []],
  ["org", "employer", ["employer"], []],
];

describe("the questionnaire in rules/questionnaire.yaml", () => {
  it("counts a follow-up's answer only with the answer it follows up", () => {
    expect(roles({ "telecom-licence": ["yes"] })).toEqual([]);
    expect(roles({ service: ["search"], "telecom-licence": ["yes"] })).toEqual(["search-service-provider"]);
    expect(roles({ service: ["cloud"], "telecom-licence": ["yes"] })).toContain("telecom-operator");
    expect(roles({ service: ["access-hosting"], "telecom-licence": ["yes"] })).toContain("telecom-operator");
  });

  // The table above holds every answer; this test fails when the file gains one the table lacks.
  it("has an expectation here for every answer of every question, and no other", () => {
    const all = questions(catalog).flatMap((q) => q.options.map((o) => `${q.id}=${o.value}`));
    expect(all.sort()).toEqual(EXPECTED.map(([q, a]) => `${q}=${a}`).sort());
  });

  describe.each([...new Set(EXPECTED.map(([q]) => q))])("question %s", (id) => {
    it.each(EXPECTED.filter(([q]) => q === id).map(([, a, b, r]) => [a, b, r] as const))(`${id}=%s brings %j, needs review %j`, (answer, brings, reviews) => {
      // A follow-up is answered after the answer it follows up; what it adds is compared.
      const followUp = questions(catalog).find((q) => q.id === id)?.followUp;
      const before: Record<string, string[]> = followUp ? { [followUp.question]: [followUp.answers[0] as string] } : {};
      const answers = { ...before, [id]: [answer] };
      const had = new Set([...roles(before), ...review(before).map((x) => x.actor)]);
      expect(roles(answers).filter((x) => !had.has(x))).toEqual(brings);
      const r = review(answers).filter((x) => !had.has(x.actor));
      expect(r.map((x) => x.actor)).toEqual(reviews);
      // A don't-know never drops a role silently: it names the provision that defines it.
      for (const x of r) expect(catalog.provisionByKey.has(x.definedBy as string), `${x.actor} defined by ${x.definedBy}`).toBe(true);
    });
  });

  it("explains a role in plain words, with the kinds it belongs to from the actor tree", () => {
    const im = deriveRoles(catalog, { service: ["instant-messaging"] }).roles[0];
    expect(im && roleReason(catalog, im.reasons[0]?.fact ?? "", im.actor, im.kindOf)).toBe(
      "you provide instant messaging → instant messaging service provider, a kind of internet service provider and of network operator",
    );
    expect(kindOfChain(catalog, "cii-operator")).toEqual(["network-operator"]);
    // The chain stops before the general actors (company, organisation, anyone).
    expect(kindOfChain(catalog, "public-account-provider")).toEqual([]);
  });

  it("names a don't-know role's defining provision: the CII scope of the Cybersecurity Law unless the CII Regulations are encoded", () => {
    const cii = deriveRoles(catalog, { cii: ["unknown"] }).review[0];
    const expected = catalog.provisionByKey.has("cii-security-protection-regulations/p2") ? "cii-security-protection-regulations/p2" : "cybersecurity-law/p31";
    expect(cii?.definedBy).toBe(expected);
  });

  it("lists a role once with every answer that brings it, and never also as needing review", () => {
    const d = deriveRoles(catalog, { cii: ["yes"], service: ["instant-messaging", "app-store"] });
    expect(d.roles.map((r) => r.actor)).toEqual(["instant-messaging-provider", "app-store", "message-and-app-distribution-provider", "cii-operator"]);
    expect(d.review).toEqual([]);
    const both = deriveRoles(catalog, { pi: ["unknown"], org: ["employer"] });
    expect(both.review.map((r) => r.actor)).toEqual(["personal-information-handler", "data-handler"]);
    expect(both.roles.map((r) => r.actor)).toEqual(["employer"]);
  });
});


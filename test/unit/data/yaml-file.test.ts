// The loader reads rules with js-yaml and names lines with the `yaml` library: both must read
// every rules file to the same value, or a line number could point at something else.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWithPositions, parseYamlText } from "../../../src/data/yaml-file.js";
import { FIXTURE_RULES, REAL_RULES } from "../../helpers/test-app.js";

describe("the two YAML readers", () => {
  it.each([REAL_RULES, FIXTURE_RULES])("read every file in %s to the same value", async (dir) => {
    const names = (await readdir(dir)).filter((n) => n.endsWith(".yaml"));
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      const text = await readFile(path.join(dir, name), "utf8");
      const fast = parseYamlText(text, name);
      const positioned = parseWithPositions(text, name);
      expect(fast.problems, name).toEqual([]);
      expect(fast.value, name).toEqual(positioned.value);
    }
  });

  it("agree on the YAML corners: dates stay strings, 1.1 booleans stay strings, numbers and nulls", () => {
    const text = "a: 2017-06-01\nb: yes\nc: on\nd: 0o17\ne: ~\nf: 1e3\ng: '37'\nh: >-\n  folded\n  text\ni: [1, two, 3.5]\n";
    const fast = parseYamlText(text, "x.yaml").value;
    expect(fast).toEqual({ a: "2017-06-01", b: "yes", c: "on", d: 15, e: null, f: 1000, g: "37", h: "folded text", i: [1, "two", 3.5] });
    expect(fast).toEqual(parseWithPositions(text, "x.yaml").value);
  });

  it("falls back to the positioned reader for a syntax error or a duplicate key, with its line", () => {
    const dup = parseYamlText("id: a\ntitle: x\nid: b\n", "dup.yaml");
    expect(dup.value).toBeUndefined();
    expect(dup.problems[0]).toMatchObject({ file: "dup.yaml", line: 3 });
    const bad = parseYamlText("id: a\n  - broken: [\n", "bad.yaml");
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(bad.problems[0]?.line).toBeGreaterThan(0);
  });

  it("names the line of a key only when asked, from the same text", () => {
    const f = parseYamlText("id: a\nversions:\n  - id: 2017-06-01\n    label: x\n", "v.yaml");
    expect(f.lineOf(["versions", 0, "label"])).toBe(4);
  });
});

import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findChromium, NoChromiumError } from "../helpers/chromium.js";

describe("the browser the browser tests drive", () => {
  it("is CHROMIUM_PATH when it is set, and a CHROMIUM_PATH that does not exist is an error that says what to do", () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath }, "/nonexistent/chromium")).toEqual({ source: "CHROMIUM_PATH", executablePath: process.execPath });
    expect(() => findChromium({ CHROMIUM_PATH: "/nonexistent/chrome" })).toThrow(NoChromiumError);
    expect(() => findChromium({ CHROMIUM_PATH: "/nonexistent/chrome" })).toThrow(/npm install.*CHROMIUM_PATH/s);
  });

  it("is the system's Chromium where it exists", () => {
    expect(findChromium({}, process.execPath)).toEqual({ source: "system", executablePath: process.execPath });
  });

  it("is the npm-installed Chromium, unpacked with its libraries and fonts, when there is no system one (missing, or /dev/null bound over it)", () => {
    for (const system of ["/nonexistent/chromium", "/dev/null"]) {
      const choice = findChromium({}, system);
      expect(choice.source).toBe("packaged");
      expect(existsSync(choice.executablePath)).toBe(true);
      expect(existsSync(choice.env?.FONTCONFIG_FILE ?? "")).toBe(true);
      expect(choice.env?.LD_LIBRARY_PATH).toMatch(/sparticuz-chromium-[\d.]+\/lib/);
    }
  });
});

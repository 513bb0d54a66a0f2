import { describe, expect, it } from "vitest";
import { loadConfig, productionWarnings } from "../../src/config.js";

describe("production start-up warnings", () => {
  it("warns in production when PUBLIC_ORIGIN is unset, naming the origin links would use", () => {
    const config = loadConfig({ NODE_ENV: "production", PORT: "8080" });
    expect(config.publicOrigin).toBe("http://localhost:8080");
    const [warning, ...rest] = productionWarnings(config);
    expect(rest).toEqual([]);
    expect(warning).toMatch(/^config: PUBLIC_ORIGIN is not set, so every permalink.* points at http:\/\/localhost:8080\. Set PUBLIC_ORIGIN/);
  });

  it("is quiet when PUBLIC_ORIGIN is set, or outside production", () => {
    expect(productionWarnings(loadConfig({ NODE_ENV: "production", PUBLIC_ORIGIN: "https://law.example.org" }))).toEqual([]);
    expect(productionWarnings(loadConfig({ NODE_ENV: "development" }))).toEqual([]);
  });
});

// Once per test run, before the test files start in parallel: find the browser the browser tests
// will drive, unpacking the npm-installed one if there is no system Chromium (one unpacking, not
// one per test file). With no browser at all, each browser test file fails with what to do.
import { findChromium, NoChromiumError } from "./chromium.js";

export default function setup(): void {
  try {
    const choice = findChromium();
    if (choice.source === "packaged") console.log(`Browser tests: no system Chromium, using the packaged one (${choice.executablePath})`);
  } catch (err) {
    if (!(err instanceof NoChromiumError)) throw err;
    console.error(`Browser tests will fail: ${err.message}`);
  }
}

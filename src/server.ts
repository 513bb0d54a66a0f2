// Listens, and closes gracefully on SIGINT/SIGTERM. Nothing else.
import { buildApp } from "./app.js";
import { loadConfig, productionWarnings } from "./config.js";
import { RulesInvalidError, formatProblem } from "./data/problems.js";

const config = loadConfig();
let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp(config);
} catch (e) {
  if (e instanceof RulesInvalidError) {
    for (const p of e.problems) console.error(formatProblem(p));
    console.error(`server: refusing to start: ${e.problems.length} problem(s) in the rules`);
    process.exit(1);
  }
  throw e;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, "closing");
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
for (const warning of productionWarnings(config)) {
  // Loudly: on standard error, where an operator watching the start-up sees it, and in the log.
  console.error(`\n*** WARNING ***\n${warning}\n`);
  app.log.warn(warning);
}
await app.listen({ host: config.host, port: config.port });

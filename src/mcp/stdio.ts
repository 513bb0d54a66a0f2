// npm run mcp: the MCP server over stdio, on the rules in RULES_DIR (default: the bundled rules)
// and, when LAW_TEXTS_DIR is set, the official texts. Nothing but protocol messages goes to
// standard output; problems go to standard error.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { loadConfig } from "../config.js";
import { loadRules } from "../data/load-rules.js";
import { prepareCitationSearch } from "../search/citation-query.js";
import { buildSearchIndex } from "../search/search-index.js";
import { loadLawTexts } from "../texts/load-law-texts.js";
import { createMcpServer } from "./server.js";

const config = loadConfig(process.env);
const catalog = await loadRules(config.rulesDir);
const lawTexts = await loadLawTexts(config.lawTextsDir, catalog);
for (const p of lawTexts.problems) process.stderr.write(`official text ${p.file}: ${p.message}\n`);
prepareCitationSearch(catalog);
const server = createMcpServer({ catalog, searchIndex: buildSearchIndex(catalog, lawTexts), lawTexts, origin: config.publicOrigin });
await server.connect(new StdioServerTransport());

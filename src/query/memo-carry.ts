// ?memo=…: the memo a reader is building without JavaScript, carried from page to page (the
// search, articles, registers) so that their "Add to memo" adds to it. Only its shape is checked
// here; src/memo/memo-items.ts resolves the items against the catalog.
import { z } from "zod";
import { listOf } from "./query-params.js";

export const MemoCarry = listOf(z.string().max(200, "must be at most 200 characters"));

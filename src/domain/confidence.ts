// What "high confidence" means: read from an official text. The rules mark an article or a tier
// high when it was read from the official text of some version; in a version that was read from a
// reproduction, or described from a later official text on the footing that the article did not
// change, it is medium there, whatever the record says. Every page, export and answer takes the
// confidence of the version it shows through here.
import type { Confidence, Version } from "./rules-schema.js";

const READ_FROM_WORDS: Record<Version["readFrom"], string> = {
  official: "",
  reproduction: "This text was read from a reproduction, not from an official publication.",
  "later-text": "This text is described from a later official text, on the footing that the article did not change; its own official text is not held here.",
};

/** The confidence of an article or tier in one version. */
export function confidenceIn(versions: readonly Pick<Version, "id" | "readFrom">[], versionId: string, confidence: Confidence): Confidence {
  if (confidence !== "high") return confidence;
  const v = versions.find((x) => x.id === versionId);
  return v && v.readFrom !== "official" ? "medium" : "high";
}

/** Why an article marked high is medium in this version; undefined when it is not lowered. */
export function loweredConfidenceNote(versions: readonly Pick<Version, "id" | "readFrom">[], versionId: string, confidence: Confidence): string | undefined {
  if (confidence !== "high" || confidenceIn(versions, versionId, confidence) === "high") return undefined;
  const v = versions.find((x) => x.id === versionId);
  return v ? READ_FROM_WORDS[v.readFrom] : undefined;
}

// Every error a request can end in, in one place. The error plugin turns each into an HTML
// page or, under /api, an RFC 9457 application/problem+json answer.
//
// | class            | status | when                                                  |
// |------------------|--------|-------------------------------------------------------|
// | BadQueryError    | 400    | a query parameter is malformed or names no known value |
// | NotFoundError    | 404    | an actor, instrument, version, article or page unknown |
// | TooManyRequests  | 429    | one client has as many uncached answers in hand as it may |
// | (anything else)  | 500    | a bug: logged, answered without detail                 |

export interface Suggestion {
  label: string;
  href: string;
}

export class BadQueryError extends Error {
  readonly status = 400;
  constructor(
    readonly parameter: string,
    message: string,
    readonly allowed: readonly string[] = [],
    readonly allowedAre: "values" | "parameters" = "values", // what `allowed` lists
  ) {
    super(message);
    this.name = "BadQueryError";
  }
}

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(
    message: string,
    readonly suggestions: readonly Suggestion[] = [],
  ) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** One client address has as many uncached answers rendering or waiting as it may (page-cache.ts). */
export class TooManyRequestsError extends Error {
  readonly status = 429;
  readonly retryAfterSeconds = 1;
  constructor(message: string) {
    super(message);
    this.name = "TooManyRequestsError";
  }
}

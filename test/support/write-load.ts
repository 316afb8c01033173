/**
 * Writes sent over HTTP the way a careful client sends them, for the fault tests: each feedback post has an
 * idempotency key and a case number of its own; an answer with its record acknowledges it; one that does not
 * is retried with the same key until it does. Afterwards each write must be stored exactly once, as the
 * record it was acknowledged with.
 */
export interface HttpAnswer {
  status: number;
  /** `extensions.code` of each error. */
  codes: string[];
  retryAfter: string | null;
  body: any;
}

export interface Write {
  key: string;
  agencyCaseNo: string;
  appraiserId: string;
  /** The feedback id of the first answer that acknowledged it. */
  acknowledged?: string;
}

export const POST_FEEDBACK = `mutation($input: PostCaseFeedbackInput!) { postCaseFeedback(input: $input) { replayed feedback { id agencyCaseNo } } }`;

export async function graphqlAt(url: string, query: string, variables: Record<string, unknown> | undefined, token: string | undefined, timeoutMs = 30_000): Promise<HttpAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ extensions?: { code?: string } }> };
  return { status: response.status, codes: (body.errors ?? []).map((e) => e.extensions?.code ?? "none"), retryAfter: response.headers.get("retry-after"), body };
}

/** Posts `write` (an evaluation); records the feedback id when the answer acknowledges it. */
export async function sendWrite(url: string, token: string, write: Write, timeoutMs?: number): Promise<HttpAnswer> {
  const input = { idempotencyKey: write.key, agencyCaseNo: write.agencyCaseNo, appraiserId: write.appraiserId, kind: "EVALUATION", ratings: { timeliness: 4 } };
  const answer = await graphqlAt(url, POST_FEEDBACK, { input }, token, timeoutMs);
  const feedback = answer.body?.data?.postCaseFeedback?.feedback;
  if (answer.status === 200 && answer.codes.length === 0 && feedback) {
    if (write.acknowledged && write.acknowledged !== feedback.id) throw new Error(`write ${write.key} was acknowledged as ${write.acknowledged}, then as ${feedback.id}`);
    write.acknowledged = feedback.id;
  }
  return answer;
}

/** Retries each write not yet acknowledged, with its own key, until it is. */
export async function settle(url: string, token: string, writes: Write[]): Promise<void> {
  for (const write of writes) {
    for (let attempt = 0; !write.acknowledged; attempt++) {
      if (attempt >= 40) throw new Error(`write ${write.key} was never acknowledged`);
      await sendWrite(url, token, write).catch(() => undefined);
      if (!write.acknowledged) await sleep(250);
    }
  }
}

/** An answer in one word: `ok`, or its status, codes and whether it says when to retry. */
export function outcomeOf(answer: HttpAnswer): string {
  if (answer.status === 200 && answer.codes.length === 0) return "ok";
  return `${answer.status} ${[...new Set(answer.codes)].join(",")} retry-after:${answer.retryAfter === null ? "missing" : "set"}`;
}

/** Case numbers as stored (`agency_case_no` → feedback ids) from rows of `SELECT agency_case_no, id …`. */
export function byCaseNumber(rows: Array<{ agency_case_no: string; id: string }>): Map<string, string[]> {
  const stored = new Map<string, string[]>();
  for (const row of rows) stored.set(row.agency_case_no, [...(stored.get(row.agency_case_no) ?? []), row.id]);
  return stored;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

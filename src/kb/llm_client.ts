/**
 * A minimal OpenAI-compatible chat-completions client: one POST, a hard timeout, and a typed
 * error saying why no text came back (so the caller can fall back and report it).
 */
import { z } from "zod";

/** Where and how to reach the model (from `LLM_BASE_URL`, `LLM_API_KEY`, `LLM_MODEL`, ...). */
export interface LlmConfig {
  /** e.g. `https://api.openai.com/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** The whole exchange (headers and body) must finish within this. */
  timeoutMs: number;
}

/** One chat message. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** Why a completion failed, as a stable code. */
export type LlmFailure = "timeout" | "http_error" | "malformed_response" | "request_failed";

/** The completion failed; `reason` is the code and the message says what happened. */
export class LlmError extends Error {
  constructor(readonly reason: LlmFailure, message: string) {
    super(message);
    this.name = "LlmError";
  }
}

const ChatCompletion = z.object({
  choices: z.array(
    z.object({ message: z.object({ content: z.string().trim().min(1) }) }),
  ).min(1),
});

/** The URL the request goes to: `{baseUrl}/chat/completions`, without a doubled slash. */
export function completionsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/chat/completions`;
}

/**
 * Sends `messages` and returns the first choice's text (trimmed). Throws {@link LlmError} on
 * timeout, a non-2xx status, an unreadable or unexpected body, or a network failure.
 */
export async function chatCompletion(
  llm: LlmConfig,
  messages: readonly ChatMessage[],
  fetchImpl: typeof fetch = fetch,
  extra: { temperature?: number; maxTokens?: number } = {},
): Promise<string> {
  const signal = AbortSignal.timeout(llm.timeoutMs);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (llm.apiKey) headers.authorization = `Bearer ${llm.apiKey}`;
  let status = 0;
  let raw: string;
  try {
    const response = await fetchImpl(completionsUrl(llm.baseUrl), {
      method: "POST",
      headers,
      signal,
      body: JSON.stringify({
        model: llm.model,
        messages,
        temperature: extra.temperature ?? 0.2,
        max_tokens: extra.maxTokens ?? 700,
      }),
    });
    status = response.status;
    raw = await response.text();
    if (!response.ok) {
      throw new LlmError(
        "http_error",
        `the LLM answered HTTP ${status}${raw ? `: ${raw.slice(0, 200)}` : ""}`,
      );
    }
  } catch (error) {
    if (error instanceof LlmError) throw error;
    if (signal.aborted) {
      throw new LlmError("timeout", `the LLM did not answer within ${llm.timeoutMs} ms`);
    }
    throw new LlmError("request_failed", `the LLM request failed: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new LlmError("malformed_response", `the LLM answered ${status} with a non-JSON body`);
  }
  const parsed = ChatCompletion.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LlmError(
      "malformed_response",
      `the LLM response has no usable choices[0].message.content (${
        issue.path.join(".") || "body"
      }: ${issue.message})`,
    );
  }
  return parsed.data.choices[0].message.content.trim();
}

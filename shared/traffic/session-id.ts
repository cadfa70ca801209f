/**
 * Which Claude Code session a call belongs to, so the inspector can group turns. Claude Code
 * sends an `x-claude-code-session-id` header; older versions only put the session into
 * `metadata.user_id`, either as `user_<hash>_account_<uuid>_session_<uuid>` or, more
 * recently, as a JSON string with a `session_id` field. Other clients have none.
 */
export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

const SESSION_SUFFIX = /_session_([0-9a-zA-Z-]{8,})/;

export function claudeCodeSessionId(headers: HeaderBag, body: unknown): string | undefined {
  const header = headers['x-claude-code-session-id'];
  const fromHeader = typeof header === 'string' ? header : header?.[0];
  if (fromHeader) return fromHeader;
  return sessionFromUserId(userIdOf(body));
}

function userIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const metadata = (body as { metadata?: unknown }).metadata;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const userId = (metadata as { user_id?: unknown }).user_id;
  return typeof userId === 'string' ? userId : undefined;
}

function sessionFromUserId(userId: string | undefined): string | undefined {
  if (!userId) return undefined;
  if (userId.startsWith('{')) {
    try {
      const parsed = JSON.parse(userId) as { session_id?: unknown };
      return typeof parsed.session_id === 'string' && parsed.session_id
        ? parsed.session_id
        : undefined;
    } catch {
      return undefined;
    }
  }
  return SESSION_SUFFIX.exec(userId)?.[1];
}

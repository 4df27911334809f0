// The subscribe-message templates one request asks for (services/subscribe): pure, so that it can be tested alone.
import type { MessageKind } from '@contract/enums';

/** WeChat takes at most three templates in one request. */
const MAX_PER_REQUEST = 3;

/** The configured template ids of `kinds`, in order, at most three. */
export function templateIdsFor(kinds: MessageKind[], configured: string | undefined): string[] {
  let ids: Partial<Record<MessageKind, string>> = {};
  try {
    ids = JSON.parse(configured || '{}') as Partial<Record<MessageKind, string>>;
  } catch {
    return [];
  }
  return [...new Set(kinds.map((k) => ids[k]).filter((id): id is string => typeof id === 'string' && id.length > 0))].slice(
    0,
    MAX_PER_REQUEST,
  );
}

// The registrations page's list of registered delegations: each with its delegates, its
// invitations and where each stands, and the language to invite its next delegate in. Pure, no I/O.
import type { Language } from "~/i18n/languages";
import { invitationState } from "~/lib/invitation-rules";

type Delegate = { delegationId: string | null; language: Language };
type Invitation = { delegationId: string | null; expiresAt: Date | string; acceptedAt: Date | string | null; revokedAt: Date | string | null };

function groupBy<T extends { delegationId: string | null }>(rows: readonly T[]): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const row of rows) groups.set(row.delegationId, [...(groups.get(row.delegationId) ?? []), row]);
  return groups;
}

/** Each registration with its people: from three flat lists (the model's queries), no query per row. */
export function withDelegatesAndInvitations<R extends { delegation: { id: string } }, D extends Delegate, I extends Invitation>(
  registered: readonly R[],
  delegates: readonly D[],
  invitations: readonly I[],
  now: Date,
) {
  const delegatesOf = groupBy(delegates);
  const invitationsOf = groupBy(invitations.map((i) => ({ ...i, state: invitationState(i, now) })));
  return registered.map((r) => {
    const people = delegatesOf.get(r.delegation.id) ?? [];
    const invited = invitationsOf.get(r.delegation.id) ?? [];
    return {
      ...r,
      delegates: people,
      invitations: invited,
      pendingCount: invited.filter((i) => i.state === "pending").length,
      // Invite in the language the delegation's delegates already use, else English.
      defaultLanguage: mostCommon(people.map((p) => p.language)) ?? "en",
    };
  });
}

function mostCommon(values: Language[]): Language | null {
  const counts = new Map<Language, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Names in the reader's alphabetical order, joined as the language joins a list ("A, B and C"). */
export function listOfNames(names: string[], language: Language): string {
  return new Intl.ListFormat(language, { type: "conjunction" }).format([...names].sort(new Intl.Collator(language).compare));
}

import { describe, expect, it } from "vitest";
import { HIDDEN_LINK, INVITATION_TOKEN_PLACEHOLDER, hideInvitationLinks, invitationLink, withInvitationToken } from "~/lib/invitation-rules";

const TOKEN = "A".repeat(21) + "-_" + "z9".repeat(10); // 43 characters, base64url
const body = (token: string) => `Dear delegate,\nTo accept:\n${invitationLink("https://nonpaper.example", token, "fr")}\nRegards`;

describe("invitation links at rest", () => {
  it("puts a token in place of the placeholder only when asked, and takes it out again", () => {
    const queued = body(INVITATION_TOKEN_PLACEHOLDER);
    expect(withInvitationToken(queued, TOKEN)).toBe(body(TOKEN));
    // An older message queued with its token in clear is stored back with the placeholder.
    expect(withInvitationToken(body(TOKEN))).toBe(queued);
  });

  it("hides every invitation link, real or placeholder, and nothing else", () => {
    for (const token of [TOKEN, INVITATION_TOKEN_PLACEHOLDER]) {
      expect(hideInvitationLinks(body(token), HIDDEN_LINK)).toBe(`Dear delegate,\nTo accept:\n${HIDDEN_LINK}\nRegards`);
    }
    const other = "See https://nonpaper.example/consultations/1234 and https://nonpaper.example/invitations/short";
    expect(hideInvitationLinks(other, HIDDEN_LINK)).toBe(other);
  });
});

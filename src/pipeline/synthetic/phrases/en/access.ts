import type { TopicPhrases } from "../../ticket_intents.ts";
import type { accessIntents } from "../../intents/access.ts";

/** English phrasing of the access intents (subjects, problem statements, extra details). */
export const enAccess: TopicPhrases<typeof accessIntents> = {
  "access.password_reset": {
    subjects: [
      "Password reset",
      "Forgot my password",
      "Password expired",
      "Need a password reset for {app}",
      "Can't remember my {app} password",
      "Reset password please",
    ],
    problems: [
      "I forgot my password and can't log in to {app}.",
      "My password expired and the reset link doesn't work.",
      "I need my {app} password reset, it says my credentials are invalid.",
      "The self-service password reset keeps failing with {error}.",
    ],
    details: [
      "I changed it last week so I'm not sure what happened.",
      "I tried the 'forgot password' link but never got the email.",
      "My username is the usual first.last format.",
      "It says the new password doesn't meet the complexity rules.",
    ],
  },
  "access.account_locked": {
    subjects: [
      "Account locked",
      "Locked out of my account",
      "Account locked out after password change",
      "{app} account locked",
      "Can't log in - account disabled",
    ],
    problems: [
      "My account got locked after too many attempts.",
      "I've been locked out of {app} {since}.",
      "Windows says my account is locked and I can't log on.",
      "My account seems disabled, the login page says 'contact your administrator'.",
    ],
    details: [
      "I think my phone kept trying the old password.",
      "The error mentions {error}.",
      "I changed my password this morning and got locked right after.",
      "I can't even unlock my session.",
    ],
  },
  "access.mfa": {
    subjects: [
      "MFA not working",
      "Not receiving MFA code",
      "Two-factor prompt never arrives",
      "New phone - need to move authenticator",
      "MFA loop on {app}",
    ],
    problems: [
      "I'm not receiving the MFA prompt on my phone anymore.",
      "I got a new phone and my {mfa_app} codes don't work.",
      "The two-factor authentication keeps looping when I sign in to {app}.",
      "{sso} asks for a verification code but the code is always rejected.",
    ],
    details: [
      "I reinstalled the authenticator app but it didn't help.",
      "The error says {error}.",
      "My old phone was reset so I can't approve from it.",
      "It works in the browser but not in the desktop app.",
    ],
  },
  "access.permissions": {
    subjects: [
      "Access request for {share}",
      "Need access to {app}",
      "Permission request",
      "Please add me to the {team} group",
      "Request: rights on {app}",
    ],
    problems: [
      "Could you give me access to {share}?",
      "I need read/write permissions on {share} for a new project.",
      "I need an account on {app}, my manager approved it.",
      "Please add me to the {team} security group so I can see their folders.",
    ],
    details: [
      "My manager {name} can confirm.",
      "I joined the {team} team recently.",
      "A colleague has the same access, you can copy his rights.",
      "I get 'access denied' when I try to open it.",
    ],
  },
  "access.outlook_password": {
    subjects: [
      "Outlook keeps asking for my password",
      "Password prompt loop in Outlook",
      "Credentials requested all the time",
      "Outlook won't accept my password",
    ],
    problems: [
      "Outlook keeps popping up a window asking for my password, even after I type it.",
      "Since I changed my password, Outlook and the mail app on my phone keep asking for credentials.",
      "Outlook says 'need password' at the bottom and won't connect to my mailbox.",
      "I can't open my mailbox, it keeps asking me to sign in again.",
    ],
    details: [
      "I changed my password recently.",
      "I typed it carefully several times.",
      "The mailbox works in the browser.",
      "It also happens on my phone.",
    ],
  },
  "access.okta_migration": {
    subjects: [
      "Okta login not working",
      "Can't sign in since the move to Okta",
      "Okta Verify push not received",
      "Okta says I'm not assigned to {app}",
      "Okta activation link expired",
    ],
    problems: [
      "Since the switch to Okta I can't log in to {app}.",
      "Okta Verify doesn't send me the push notification anymore.",
      "The Okta dashboard doesn't show {app} even though I used it before the migration.",
      "My Okta activation link has expired and I can't set up my account.",
    ],
    details: [
      "The old {sso} page now redirects to Okta.",
      "I enrolled Okta Verify on my phone yesterday.",
      "The error says 'user not assigned to this application'.",
      "Several colleagues migrated fine, only mine seems broken.",
    ],
  },
};

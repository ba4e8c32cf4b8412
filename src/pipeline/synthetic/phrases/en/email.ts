import type { TopicPhrases } from "../../ticket_intents.ts";
import type { emailIntents } from "../../intents/email.ts";

/** English phrasing of the email intents (subjects, problem statements, extra details). */
export const enEmail: TopicPhrases<typeof emailIntents> = {
  "email.not_receiving": {
    subjects: [
      "Not receiving emails",
      "Emails from external senders missing",
      "Missing emails",
      "Email bounce {error}",
      "Can't send emails",
    ],
    problems: [
      "I haven't received any emails {since}.",
      "Emails from external clients never arrive in my inbox.",
      "My emails to external addresses bounce back with {error}.",
      "I can send emails but I don't receive anything.",
    ],
    details: [
      "I checked the junk folder.",
      "The sender says they got no error.",
      "It's the same in Outlook on the web.",
      "Internal emails work fine.",
    ],
  },
  "email.mailbox_full": {
    subjects: [
      "Mailbox full",
      "Mailbox size limit",
      "Outlook says mailbox is full",
      "Request for more mailbox space",
      "Archive mailbox",
    ],
    problems: [
      "Outlook says my mailbox is full and I can't send.",
      "I keep getting warnings that my mailbox is almost at its limit.",
      "Could you increase my mailbox size?",
      "I'd like an archive mailbox to move old emails.",
    ],
    details: [
      "I already deleted a lot of old emails.",
      "I have a lot of attachments I need to keep.",
      "The mailbox is about {size}.",
      "I need to keep emails for audit reasons.",
    ],
  },
  "email.shared_mailbox": {
    subjects: [
      "Access to shared mailbox {mailbox}",
      "Shared mailbox request",
      "Add me to distribution list",
      "Can't see shared mailbox in Outlook",
      "New distribution list",
    ],
    problems: [
      "Could you give me access to the shared mailbox {mailbox}?",
      "The shared mailbox {mailbox} disappeared from my Outlook.",
      "Please add me to the {team} distribution list.",
      "We need a new distribution list for the {team} team.",
    ],
    details: [
      "My manager {name} approved it.",
      "I need send-as rights too.",
      "I'm covering for {name} while they're on leave.",
      "It was still there last week.",
    ],
  },
  "email.sync": {
    subjects: [
      "Outlook not syncing",
      "Emails not syncing on my phone",
      "Calendar not updating",
      "Outlook stuck on 'updating folder'",
      "Outlook disconnected",
    ],
    problems: [
      "Outlook is stuck on 'updating this folder' and new emails don't show.",
      "My work emails don't sync on my phone anymore.",
      "My Outlook calendar doesn't show the meetings people send me.",
      "Outlook has shown 'disconnected' at the bottom {since}.",
    ],
    details: [
      "Outlook on the web is fine.",
      "I removed and re-added the account on my phone.",
      "It's an iPhone.",
      "It's an Android phone.",
    ],
  },
  "email.new_outlook": {
    subjects: [
      "New Outlook missing features",
      "Switched to the new Outlook by mistake",
      "New Outlook doesn't show shared mailbox",
      "Add-in not working in new Outlook",
      "Go back to classic Outlook",
    ],
    problems: [
      "Since Outlook switched to the new version, I can't see the shared mailbox {mailbox}.",
      "The Zoom add-in no longer works in the new Outlook.",
      "I turned on the new Outlook toggle and now my signatures are gone.",
      "How can I go back to classic Outlook? The new one doesn't support my rules.",
    ],
    details: [
      "The toggle at the top right doesn't bring the old version back.",
      "Several people in {team} have the same thing.",
      "My PST archives don't open in the new app.",
      "Copilot appears in the ribbon but my add-ins are gone.",
    ],
  },
};

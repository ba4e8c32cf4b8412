import type { TopicPhrases } from "../../ticket_intents.ts";
import type { securityIntents } from "../../intents/security.ts";

/** English phrasing of the security intents (subjects, problem statements, extra details). */
export const enSecurity: TopicPhrases<typeof securityIntents> = {
  "security.phishing": {
    subjects: [
      "Suspicious email",
      "Phishing email received",
      "I clicked on a phishing link",
      "Is this email legit?",
      "Fake invoice email",
    ],
    problems: [
      "I received a suspicious email asking me to confirm my password.",
      "I clicked on a link in an email that looked like a fake invoice.",
      "Is this email from {name} genuine? It asks me to pay an invoice right away.",
      "I got a strange email with an attachment from an unknown sender.",
    ],
    details: [
      "I didn't enter any information.",
      "I entered my password before realizing.",
      "I forwarded it to the security mailbox.",
      "The sender address looks almost like ours.",
    ],
  },
  "security.malware": {
    subjects: [
      "Virus alert",
      "Antivirus detected a threat",
      "Possible malware",
      "Ransomware message on screen",
      "Strange pop-ups",
    ],
    problems: [
      "The antivirus says it found a threat on my computer.",
      "My files have been renamed with a strange extension and there's a ransom note.",
      "I keep getting strange pop-ups and my browser opens sites by itself.",
      "Defender quarantined a file I downloaded from an email.",
    ],
    details: [
      "I disconnected from the network.",
      "The alert mentions a Trojan.",
      "I haven't turned the computer off.",
      "It started after I opened an attachment.",
    ],
  },
  "security.lost_device": {
    subjects: [
      "Lost laptop",
      "Stolen phone",
      "Laptop stolen",
      "Lost my work phone",
      "Bag stolen with laptop",
    ],
    problems: [
      "I lost my work laptop on the train this morning.",
      "My work phone was stolen yesterday evening.",
      "My bag with my laptop was stolen from my car.",
      "I can't find my work phone, I think I left it in a taxi.",
    ],
    details: [
      "It has access to my emails.",
      "The laptop is encrypted I think.",
      "I filed a police report.",
      "Can you wipe it remotely?",
    ],
  },
  "security.compromised": {
    subjects: [
      "Account compromised?",
      "Suspicious login alert",
      "Someone sent emails from my account",
      "Unknown sign-in from abroad",
      "Password changed without me",
    ],
    problems: [
      "I got an alert about a sign-in from another country on my account.",
      "Colleagues received emails from my account that I never sent.",
      "My password was changed and it wasn't me.",
      "There are mailbox rules I didn't create that forward my emails outside.",
    ],
    details: [
      "I never use {app} from outside Europe.",
      "The alert came at {time}.",
      "I changed my password right away.",
      "I never approved those MFA requests.",
    ],
  },
  "security.policy_question": {
    subjects: [
      "Question about USB drives",
      "Is it allowed to use personal cloud?",
      "Security policy question",
      "Encryption for external disk",
      "Can I use my personal phone for work?",
    ],
    problems: [
      "Am I allowed to use a USB stick to share files with a supplier?",
      "Can I use my personal Dropbox to send files to a client?",
      "Which tool should I use to encrypt an external disk?",
      "Is it OK to read my work emails on my personal phone?",
    ],
    details: [
      "The files are not confidential.",
      "The client can't receive large attachments.",
      "I want to follow the rules.",
      "I couldn't find the answer on the intranet.",
    ],
  },
  "security.qr_phishing": {
    subjects: [
      "QR code phishing email",
      "Suspicious QR code in email",
      "Fake Okta login page",
      "Suspicious Okta Verify requests",
      "MFA fatigue - many push requests",
    ],
    problems: [
      "I got an email with a QR code asking me to re-validate my MFA, it looks like phishing.",
      "I scanned a QR code from an email and it opened a fake Okta login page.",
      "A QR code on a flyer in the lobby leads to a page asking for my Okta password.",
      "I'm receiving dozens of Okta Verify push requests I didn't start.",
    ],
    details: [
      "I didn't approve any of them.",
      "I entered my credentials on the page before noticing.",
      "The email looked like it came from HR.",
      "I reported it with the Report Phishing button.",
    ],
  },
};

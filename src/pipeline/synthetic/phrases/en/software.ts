import type { TopicPhrases } from "../../ticket_intents.ts";
import type { softwareIntents } from "../../intents/software.ts";

/** English phrasing of the software intents (subjects, problem statements, extra details). */
export const enSoftware: TopicPhrases<typeof softwareIntents> = {
  "software.install": {
    subjects: [
      "Software installation request",
      "Please install {app}",
      "Need {app} installed",
      "Install request - {app}",
      "Can I get {app}?",
    ],
    problems: [
      "Could you install {app} on my computer?",
      "I need {app} for a new project, could you install it?",
      "The Software Center doesn't let me install {app}.",
      "I need admin rights to install {app}.",
    ],
    details: [
      "My manager {name} approved it.",
      "The license is paid by the {team} team.",
      "The latest version is fine.",
      "I'm on a {model}.",
    ],
  },
  "software.crash": {
    subjects: [
      "{app} keeps crashing",
      "{app} not responding",
      "{app} crashes on startup",
      "Error {error} in {app}",
      "{app} freezes",
    ],
    problems: [
      "{app} crashes every time I open a file.",
      "{app} freezes and then closes without any message.",
      "I get {error} when I launch {app}.",
      "{app} has not been responding {since}.",
    ],
    details: [
      "I already reinstalled it.",
      "Other applications work fine.",
      "It happens mostly with large files.",
      "A colleague on the same version doesn't have the problem.",
    ],
  },
  "software.license": {
    subjects: [
      "{app} license expired",
      "License activation error",
      "{app} says unlicensed product",
      "Need a license for {app}",
    ],
    problems: [
      "{app} says my license has expired.",
      "I get an activation error {error} when I open {app}.",
      "{app} switched to read-only mode because of the license.",
      "I need a license for {app}, the trial ends soon.",
    ],
    details: [
      "It worked fine until last week.",
      "I'm signed in with my work account.",
      "Maybe the license was not renewed.",
      "The cost center is {team}.",
    ],
  },
  "software.update_failed": {
    subjects: [
      "Windows update failed",
      "Update stuck at 30%",
      "Update error {error}",
      "{app} update broke everything",
      "Pending restart loop",
    ],
    problems: [
      "The latest Windows update fails with {error}.",
      "Since the {app} update, the program won't start.",
      "My computer has been stuck installing updates for two hours.",
      "The update keeps asking me to restart and then fails again.",
    ],
    details: [
      "I restarted several times.",
      "There is enough disk space.",
      "It started after the patch on Tuesday.",
      "The Software Center shows the update as failed.",
    ],
  },
  "software.copilot": {
    subjects: [
      "Copilot not available in {app}",
      "Microsoft 365 Copilot license",
      "Copilot gives an error",
      "Copilot button missing in Word",
      "Access to Copilot",
    ],
    problems: [
      "I don't see the Copilot button in {app} although I was told I have a license.",
      "Copilot answers 'something went wrong' every time I ask it something.",
      "Could I get a Microsoft 365 Copilot license?",
      "Copilot in Teams doesn't summarise our meetings anymore.",
    ],
    details: [
      "Other people in {team} have it.",
      "I restarted Office and signed out and back in.",
      "The error reference is {error}.",
      "We'd like to use it for the {team} reports.",
    ],
  },
};

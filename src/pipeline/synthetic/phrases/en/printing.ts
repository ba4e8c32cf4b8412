import type { TopicPhrases } from "../../ticket_intents.ts";
import type { printingIntents } from "../../intents/printing.ts";

/** English phrasing of the printing intents (subjects, problem statements, extra details). */
export const enPrinting: TopicPhrases<typeof printingIntents> = {
  "printing.offline": {
    subjects: [
      "Printer offline",
      "Printer {printer} not printing",
      "Can't print",
      "Print jobs stuck in queue",
      "Paper jam on {printer}",
    ],
    problems: [
      "The printer {printer} shows as offline.",
      "My print jobs stay stuck in the queue and nothing comes out.",
      "The printer on the {floor} has a paper jam that I can't clear.",
      "I can't print anything, {app} says the printer is not available.",
    ],
    details: [
      "Other people can't print either.",
      "I restarted the printer.",
      "The printer screen shows error {error}.",
      "It's the big printer next to the kitchen.",
    ],
  },
  "printing.add_printer": {
    subjects: [
      "Add printer",
      "Install printer driver",
      "New printer setup",
      "Can't find printer in list",
      "Map printer {printer}",
    ],
    problems: [
      "Could you add the printer {printer} to my laptop?",
      "I moved desks and need the printer on the {floor}.",
      "The driver for {printer} won't install.",
      "The printer doesn't appear in the list when I try to add it.",
    ],
    details: [
      "I'm now at the {site} office.",
      "It asks for admin rights.",
      "The printer name on the sticker is {printer}.",
      "I only need black and white.",
    ],
  },
  "printing.scan": {
    subjects: [
      "Scan to email not working",
      "Scanner issue",
      "Can't scan to folder",
      "Scanned documents not received",
      "Scan to {share}",
    ],
    problems: [
      "Scan to email on {printer} doesn't send anything.",
      "When I scan, the documents never arrive in my inbox.",
      "Scan to folder fails with {error}.",
      "The scanner on the {floor} doesn't show my name in the address book.",
    ],
    details: [
      "It used to work last month.",
      "Copying works fine.",
      "I need to scan signed contracts.",
      "The file is probably too big.",
    ],
  },
  "printing.quality": {
    subjects: [
      "Print quality issues",
      "Printer prints blank pages",
      "Streaks on printed pages",
      "Toner low on {printer}",
      "Colors wrong when printing",
    ],
    problems: [
      "The printer {printer} prints faded pages with streaks.",
      "Every page comes out blank.",
      "The toner is almost empty on {printer}.",
      "Color prints come out completely wrong.",
    ],
    details: [
      "We replaced the paper.",
      "It's the same with every document.",
      "There's no spare toner in the cupboard.",
      "It prints fine from other computers.",
    ],
  },
  "printing.badge_release": {
    subjects: [
      "Follow-me printing badge not recognized",
      "Secure print release not working",
      "Badge doesn't release my print jobs",
      "New PaperCut printing",
      "Print jobs vanish in the new print queue",
    ],
    problems: [
      "Since the switch to badge printing, my badge isn't recognized at {printer}.",
      "My jobs sent to the new follow-me queue never appear when I tap my badge.",
      "PaperCut says I have no print quota left.",
      "Mobile printing from the new PaperCut app fails.",
    ],
    details: [
      "I registered my badge yesterday.",
      "Colleagues' badges work on the same printer.",
      "The screen says 'unknown card'.",
      "The old direct printer was removed from my laptop.",
    ],
  },
};

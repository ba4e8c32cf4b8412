import type { TopicPhrases } from "../../ticket_intents.ts";
import type { hardwareIntents } from "../../intents/hardware.ts";

/** English phrasing of the hardware intents (subjects, problem statements, extra details). */
export const enHardware: TopicPhrases<typeof hardwareIntents> = {
  "hardware.wont_boot": {
    subjects: [
      "Laptop won't turn on",
      "PC not booting",
      "Blue screen on startup",
      "{model} stuck on boot",
      "Computer dead after update",
    ],
    problems: [
      "My laptop won't turn on at all, no lights.",
      "My {model} shows a blue screen with {error} every time it starts.",
      "My computer is stuck on the manufacturer logo and never boots.",
      "My laptop turns on but the screen stays black.",
    ],
    details: [
      "I tried a different charger.",
      "It was working fine yesterday evening.",
      "It started after I spilled a bit of coffee on the keyboard.",
      "The fan spins for a second then stops.",
    ],
  },
  "hardware.peripheral": {
    subjects: [
      "Second monitor not detected",
      "Docking station issue",
      "Keyboard not working",
      "Headset problem",
      "Webcam not detected",
      "Problem with {device}",
    ],
    problems: [
      "{device} hasn't worked {since}.",
      "My docking station doesn't detect my second monitor anymore.",
      "My headset has no sound when plugged into the dock.",
      "The webcam isn't detected, the camera light never comes on.",
    ],
    details: [
      "I tried another USB port.",
      "It works when plugged directly into the laptop.",
      "The monitor says 'no signal'.",
      "I'm on a {model}.",
    ],
  },
  "hardware.slow_computer": {
    subjects: [
      "Computer very slow",
      "Laptop extremely slow",
      "PC freezing all the time",
      "Everything takes ages to open",
    ],
    problems: [
      "My laptop has become extremely slow, opening {app} takes several minutes.",
      "My computer freezes every few minutes and the fan is very loud.",
      "Everything is slow on my PC, even the start menu.",
      "My laptop is at 100% disk and CPU all the time.",
    ],
    details: [
      "It's a {model}.",
      "The task manager shows 100% usage.",
      "It's been like this {since}.",
      "Restarting helps for about ten minutes.",
    ],
  },
  "hardware.new_equipment": {
    subjects: [
      "Request for a new laptop",
      "New starter equipment",
      "Need a second monitor",
      "Equipment request - headset",
      "Request: replacement mouse",
    ],
    problems: [
      "Could I get a second monitor for my desk?",
      "We have a new starter in {team} on {day} who needs a laptop and a dock.",
      "My laptop is over four years old, could I get a replacement?",
      "I'd like to request an ergonomic keyboard and mouse.",
    ],
    details: [
      "My manager {name} approved it.",
      "A standard setup is fine.",
      "The cost center is {team}.",
      "I sit at the {site} office, {floor}.",
    ],
  },
  "hardware.battery": {
    subjects: [
      "Laptop battery not charging",
      "Battery swollen",
      "Laptop overheating",
      "Loud fan noise",
      "Battery drains very fast",
    ],
    problems: [
      "My laptop battery doesn't charge above 10%.",
      "The battery seems swollen, the touchpad is pushed up.",
      "My laptop gets very hot and shuts down by itself.",
      "The battery only lasts about thirty minutes now.",
    ],
    details: [
      "The charger light is on.",
      "It's a {model}.",
      "I tried another charger from a colleague.",
      "It smells a bit like burnt plastic.",
    ],
  },
  "hardware.laptop_refresh": {
    subjects: [
      "New {new_model} from the refresh program",
      "Windows 11 laptop setup",
      "Laptop refresh: data migration",
      "Issue with my new Windows 11 laptop",
      "Copilot key on new laptop does nothing",
    ],
    problems: [
      "I received my new {new_model} from the refresh program but my files were not migrated.",
      "My new Windows 11 laptop doesn't work with my old docking station.",
      "The Copilot key on my new {new_model} doesn't do anything.",
      "After the Windows 11 upgrade, my laptop reboots randomly.",
    ],
    details: [
      "The old laptop has to be returned on {day}.",
      "The refresh team told me to call IT.",
      "Windows Hello face login doesn't work either.",
      "The BitLocker recovery screen appeared twice.",
    ],
  },
};

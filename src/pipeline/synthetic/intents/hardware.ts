import type { IntentSpec } from "../ticket_intents.ts";
import { all, notLow, requests } from "./urgency_sets.ts";

/** The hardware intents: what each is and which urgencies it can carry. */
export const hardwareIntents = {
  "hardware.wont_boot": { topic: "hardware", weight: 2, urgencies: notLow },
  // Headsets, webcams, speakers, scanners, card readers and other plugged-in devices.
  "hardware.peripheral": { topic: "hardware", weight: 2.5, urgencies: requests },
  "hardware.slow_computer": {
    topic: "hardware",
    weight: 1.5,
    urgencies: requests,
    alsoUnder: { topic: "software", weight: 0.22 },
  },
  "hardware.new_equipment": {
    topic: "hardware",
    weight: 2,
    urgencies: ["low", "medium"],
    request: true,
  },
  // Battery, charger and power.
  "hardware.battery": { topic: "hardware", weight: 1.5, urgencies: all },
  // Laptop screens and monitors: flicker, lines, no signal, resolution, dead pixels.
  "hardware.display": { topic: "hardware", weight: 2, urgencies: requests },
  "hardware.docking": { topic: "hardware", weight: 2, urgencies: requests },
  "hardware.keyboard_mouse": { topic: "hardware", weight: 1.5, urgencies: requests },
  // Company mobile phones and desk phones as devices (broken, not charging, boot loops).
  "hardware.mobile_phone": { topic: "hardware", weight: 1.5, urgencies: requests },
  // Accidents: spilled drinks, drops, cracked screens, broken hinges and ports.
  "hardware.physical_damage": { topic: "hardware", weight: 1.5, urgencies: requests },
  "hardware.overheating": { topic: "hardware", weight: 1, urgencies: requests },
  // Meeting-room AV: room screens, projectors, Teams Room consoles, ClickShare, room cameras.
  "hardware.meeting_room": { topic: "hardware", weight: 2, urgencies: all },
  // USB, USB-C, HDMI, audio jack, card reader and RJ45 ports that stopped working (no damage).
  "hardware.ports": { topic: "hardware", weight: 1.5, urgencies: requests },
  // Handing back, collecting or disposing of old or leavers' equipment.
  "hardware.return_equipment": {
    topic: "hardware",
    weight: 1.5,
    urgencies: ["low", "medium"],
    request: true,
  },
  // Temporary loaner laptops, phones and headsets (repairs, trips, trainings, temps).
  "hardware.loaner": { topic: "hardware", weight: 1.5, urgencies: requests, request: true },
  // BIOS passwords, firmware updates, Secure Boot, TPM and CMOS errors.
  "hardware.bios_firmware": { topic: "hardware", weight: 1, urgencies: all },
  "hardware.laptop_refresh": { topic: "hardware", weight: 2.5, urgencies: all, drift: true },
} as const satisfies Record<string, IntentSpec>;

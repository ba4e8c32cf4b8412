import type { TopicPhrases } from "../../ticket_intents.ts";
import type { storageIntents } from "../../intents/storage.ts";

/** English phrasing of the storage intents (subjects, problem statements, extra details). */
export const enStorage: TopicPhrases<typeof storageIntents> = {
  "storage.disk_full": {
    subjects: [
      "Disk full",
      "C: drive almost full",
      "Low disk space",
      "No space left on my laptop",
      "Disk space warning",
    ],
    problems: [
      "My C: drive is full and I can't save anything.",
      "Windows says I'm running out of disk space.",
      "I only have {size} left on my disk.",
      "I can't save files because the disk is full.",
    ],
    details: [
      "I emptied the recycle bin.",
      "I don't know what takes all the space.",
      "I work with big video files.",
      "It's a {model} with a small SSD.",
    ],
  },
  "storage.drive_access": {
    subjects: [
      "Can't access {share}",
      "Network drive not showing",
      "Shared drive disconnected",
      "Mapped drive missing",
      "Files on {share} not opening",
    ],
    problems: [
      "I haven't been able to open {share} {since}.",
      "The network drive S: disappeared from my computer.",
      "Files on {share} won't open, it says the path is unavailable.",
      "The shared drive is very slow and files won't save.",
    ],
    details: [
      "It says {error}.",
      "It works for my colleague.",
      "I'm connected to the VPN.",
      "I need these files for a report.",
    ],
  },
  "storage.restore": {
    subjects: [
      "Restore deleted file",
      "Accidentally deleted folder",
      "Need previous version of file",
      "File overwritten",
      "Recover files from backup",
    ],
    problems: [
      "I accidentally deleted a folder on {share}.",
      "I overwrote an Excel file and need yesterday's version.",
      "Could you restore a file I deleted last week from {share}?",
      "A whole folder disappeared from {share}.",
    ],
    details: [
      "It was there on {day}.",
      "The file is called budget_2026.xlsx.",
      "It's about {size} of data.",
      "The recycle bin is empty.",
    ],
  },
  "storage.onedrive_sync": {
    subjects: [
      "OneDrive not syncing",
      "OneDrive sync errors",
      "Files stuck on 'sync pending'",
      "OneDrive keeps crashing",
    ],
    problems: [
      "OneDrive has stopped syncing and shows a red cross on my files.",
      "My files stay on 'sync pending' and colleagues don't see my changes.",
      "The OneDrive client crashes at startup with {error}.",
      "OneDrive says some files can't be synced because the path is too long.",
    ],
    details: [
      "I have about {size} in OneDrive.",
      "I signed out and back in.",
      "It's been like this {since}.",
      "The web version still shows the old files.",
    ],
  },
  "storage.quota": {
    subjects: [
      "OneDrive storage full",
      "Request more OneDrive space",
      "SharePoint site quota reached",
      "Quota increase for {share}",
      "Need more storage",
    ],
    problems: [
      "My OneDrive is full, could I get more space?",
      "The {team} SharePoint site has reached its storage limit.",
      "Could you increase the quota on {share}?",
      "We need about {size} more space for the project archive.",
    ],
    details: [
      "We keep all project files there.",
      "We already cleaned up old files.",
      "It's for the {team} team.",
      "We can't upload new files anymore.",
    ],
  },
  "storage.sharepoint_migration": {
    subjects: [
      "Files missing after SharePoint migration",
      "OneDrive Known Folder Move issue",
      "Shared drive moved to SharePoint",
      "Sync conflicts after migration",
      "Can't find {share} after the move",
    ],
    problems: [
      "Since {share} was migrated to SharePoint, half of my files are missing.",
      "OneDrive now syncs my Desktop and Documents and I have thousands of conflict copies.",
      "After the migration the links in our Excel files point to the old drive.",
      "The new SharePoint library doesn't show the folders we had on the S: drive.",
    ],
    details: [
      "The migration was announced for last weekend.",
      "The OneDrive icon shows a red cross.",
      "Copilot searches don't find the moved files either.",
      "The {team} team depends on these files.",
    ],
  },
};

import type { TopicPhrases } from "../../ticket_intents.ts";
import type { storageIntents } from "../../intents/storage.ts";

/** French phrasing of the storage intents (subjects, problem statements, extra details). */
export const frStorage: TopicPhrases<typeof storageIntents> = {
  "storage.disk_full": {
    subjects: [
      "Disque plein",
      "Disque C: presque plein",
      "Espace disque insuffisant",
      "Plus de place sur mon portable",
      "Alerte d'espace disque",
    ],
    problems: [
      "Mon disque C: est plein et je ne peux plus rien enregistrer.",
      "Windows m'indique que je manque d'espace disque.",
      "Il ne me reste que {size} sur mon disque.",
      "Je ne peux plus enregistrer de fichiers car le disque est plein.",
    ],
    details: [
      "J'ai vidé la corbeille.",
      "Je ne sais pas ce qui prend toute la place.",
      "Je travaille avec de gros fichiers vidéo.",
      "C'est un {model} avec un petit SSD.",
    ],
  },
  "storage.drive_access": {
    subjects: [
      "Impossible d'accéder à {share}",
      "Le lecteur réseau n'apparaît plus",
      "Lecteur partagé déconnecté",
      "Lecteur mappé disparu",
      "Les fichiers de {share} ne s'ouvrent pas",
    ],
    problems: [
      "Je n'arrive plus à ouvrir {share} {since}.",
      "Le lecteur réseau S: a disparu de mon ordinateur.",
      "Les fichiers de {share} ne s'ouvrent pas, le chemin est indisponible.",
      "Le lecteur partagé est très lent et les fichiers ne s'enregistrent pas.",
    ],
    details: [
      "Le message indique {error}.",
      "Ça marche pour ma collègue.",
      "Je suis bien connecté au VPN.",
      "J'ai besoin de ces fichiers pour un rapport.",
    ],
  },
  "storage.restore": {
    subjects: [
      "Restaurer un fichier supprimé",
      "Dossier supprimé par erreur",
      "Besoin d'une version précédente d'un fichier",
      "Fichier écrasé",
      "Récupérer des fichiers depuis la sauvegarde",
    ],
    problems: [
      "J'ai supprimé par erreur un dossier sur {share}.",
      "J'ai écrasé un fichier Excel et j'ai besoin de la version d'hier.",
      "Pourriez-vous restaurer un fichier supprimé la semaine dernière sur {share} ?",
      "Un dossier entier a disparu de {share}.",
    ],
    details: [
      "Il était encore là {day}.",
      "Le fichier s'appelle budget_2026.xlsx.",
      "Cela représente environ {size} de données.",
      "La corbeille est vide.",
    ],
  },
  "storage.onedrive_sync": {
    subjects: [
      "OneDrive ne se synchronise plus",
      "Erreurs de synchronisation OneDrive",
      "Fichiers bloqués en « synchronisation en attente »",
      "OneDrive plante sans arrêt",
    ],
    problems: [
      "OneDrive ne se synchronise plus et affiche une croix rouge sur mes fichiers.",
      "Mes fichiers restent en « synchronisation en attente » et mes collègues ne voient pas mes modifications.",
      "Le client OneDrive plante au démarrage avec l'erreur {error}.",
      "OneDrive indique que certains fichiers ne peuvent pas être synchronisés car le chemin est trop long.",
    ],
    details: [
      "J'ai environ {size} dans OneDrive.",
      "Je me suis déconnecté puis reconnecté.",
      "C'est comme ça {since}.",
      "La version web affiche encore les anciens fichiers.",
    ],
  },
  "storage.quota": {
    subjects: [
      "Stockage OneDrive plein",
      "Demande d'espace OneDrive supplémentaire",
      "Quota du site SharePoint atteint",
      "Augmentation de quota pour {share}",
      "Besoin de plus de stockage",
    ],
    problems: [
      "Mon OneDrive est plein, est-ce que je pourrais avoir plus d'espace ?",
      "Le site SharePoint {team} a atteint sa limite de stockage.",
      "Pourriez-vous augmenter le quota de {share} ?",
      "Il nous faut environ {size} de plus pour l'archive du projet.",
    ],
    details: [
      "Nous y gardons tous les fichiers du projet.",
      "Nous avons déjà fait le ménage dans les anciens fichiers.",
      "C'est pour l'équipe {team}.",
      "Nous ne pouvons plus déposer de nouveaux fichiers.",
    ],
  },
  "storage.sharepoint_migration": {
    subjects: [
      "Fichiers manquants après la migration SharePoint",
      "Problème de déplacement des dossiers OneDrive",
      "Lecteur partagé déplacé vers SharePoint",
      "Conflits de synchronisation après la migration",
      "Je ne trouve plus {share} depuis le déménagement",
    ],
    problems: [
      "Depuis la migration de {share} vers SharePoint, la moitié de mes fichiers a disparu.",
      "OneDrive synchronise maintenant mon Bureau et mes Documents et j'ai des milliers de copies en conflit.",
      "Après la migration, les liens de nos fichiers Excel pointent vers l'ancien lecteur.",
      "La nouvelle bibliothèque SharePoint n'affiche pas les dossiers que nous avions sur le lecteur S:.",
    ],
    details: [
      "La migration était annoncée pour le week-end dernier.",
      "L'icône OneDrive affiche une croix rouge.",
      "Copilot ne trouve pas non plus les fichiers déplacés.",
      "L'équipe {team} dépend de ces fichiers.",
    ],
  },
};

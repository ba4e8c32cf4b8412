import type { TopicPhrases } from "../../ticket_intents.ts";
import type { securityIntents } from "../../intents/security.ts";

/** French phrasing of the security intents (subjects, problem statements, extra details). */
export const frSecurity: TopicPhrases<typeof securityIntents> = {
  "security.phishing": {
    subjects: [
      "Mail suspect",
      "Mail d'hameçonnage reçu",
      "J'ai cliqué sur un lien de phishing",
      "Ce mail est-il légitime ?",
      "Fausse facture par mail",
    ],
    problems: [
      "J'ai reçu un mail suspect qui me demande de confirmer mon mot de passe.",
      "J'ai cliqué sur un lien dans un mail qui ressemblait à une fausse facture.",
      "Ce mail de {name} est-il authentique ? Il me demande de payer une facture tout de suite.",
      "J'ai reçu un mail bizarre avec une pièce jointe d'un expéditeur inconnu.",
    ],
    details: [
      "Je n'ai saisi aucune information.",
      "J'ai saisi mon mot de passe avant de m'en rendre compte.",
      "Je l'ai transféré à la boîte sécurité.",
      "L'adresse de l'expéditeur ressemble beaucoup à la nôtre.",
    ],
  },
  "security.malware": {
    subjects: [
      "Alerte virus",
      "L'antivirus a détecté une menace",
      "Logiciel malveillant possible",
      "Message de rançongiciel à l'écran",
      "Fenêtres publicitaires bizarres",
    ],
    problems: [
      "L'antivirus dit avoir trouvé une menace sur mon ordinateur.",
      "Mes fichiers ont été renommés avec une extension bizarre et il y a une demande de rançon.",
      "J'ai sans arrêt des fenêtres bizarres et mon navigateur ouvre des sites tout seul.",
      "Defender a mis en quarantaine un fichier téléchargé depuis un mail.",
    ],
    details: [
      "Je me suis déconnecté du réseau.",
      "L'alerte parle d'un cheval de Troie.",
      "Je n'ai pas éteint l'ordinateur.",
      "C'est arrivé après avoir ouvert une pièce jointe.",
    ],
  },
  "security.lost_device": {
    subjects: [
      "PC portable perdu",
      "Téléphone volé",
      "Vol de mon portable",
      "J'ai perdu mon téléphone pro",
      "Sac volé avec le PC",
    ],
    problems: [
      "J'ai perdu mon PC portable professionnel dans le train ce matin.",
      "On m'a volé mon téléphone professionnel hier soir.",
      "Mon sac avec mon portable a été volé dans ma voiture.",
      "Je ne trouve plus mon téléphone pro, je crois l'avoir oublié dans un taxi.",
    ],
    details: [
      "Il a accès à mes mails.",
      "Le portable est chiffré je crois.",
      "J'ai porté plainte.",
      "Pouvez-vous l'effacer à distance ?",
    ],
  },
  "security.compromised": {
    subjects: [
      "Compte piraté ?",
      "Alerte de connexion suspecte",
      "Quelqu'un a envoyé des mails depuis mon compte",
      "Connexion inconnue depuis l'étranger",
      "Mot de passe changé sans moi",
    ],
    problems: [
      "J'ai reçu une alerte de connexion depuis un autre pays sur mon compte.",
      "Des collègues ont reçu de ma part des mails que je n'ai jamais envoyés.",
      "Mon mot de passe a été changé et ce n'est pas moi.",
      "Il y a des règles de messagerie que je n'ai pas créées qui transfèrent mes mails à l'extérieur.",
    ],
    details: [
      "Je n'utilise jamais {app} hors d'Europe.",
      "L'alerte est arrivée à {time}.",
      "J'ai changé mon mot de passe tout de suite.",
      "Je n'ai jamais validé ces demandes MFA.",
    ],
  },
  "security.policy_question": {
    subjects: [
      "Question sur les clés USB",
      "A-t-on le droit d'utiliser un cloud perso ?",
      "Question sur la politique de sécurité",
      "Chiffrement d'un disque externe",
      "Puis-je utiliser mon téléphone perso pour le travail ?",
    ],
    problems: [
      "Ai-je le droit d'utiliser une clé USB pour échanger des fichiers avec un fournisseur ?",
      "Est-ce que je peux utiliser ma Dropbox personnelle pour envoyer des fichiers à un client ?",
      "Quel outil dois-je utiliser pour chiffrer un disque externe ?",
      "Est-ce autorisé de lire mes mails pro sur mon téléphone personnel ?",
    ],
    details: [
      "Les fichiers ne sont pas confidentiels.",
      "Le client ne peut pas recevoir de grosses pièces jointes.",
      "Je veux respecter les règles.",
      "Je n'ai pas trouvé la réponse sur l'intranet.",
    ],
  },
  "security.qr_phishing": {
    subjects: [
      "Mail de phishing avec QR code",
      "QR code suspect dans un mail",
      "Fausse page de connexion Okta",
      "Notifications Okta Verify suspectes",
      "Avalanche de demandes MFA",
    ],
    problems: [
      "J'ai reçu un mail avec un QR code qui me demande de revalider mon MFA, ça ressemble à du phishing.",
      "J'ai scanné un QR code reçu par mail et il a ouvert une fausse page de connexion Okta.",
      "Un QR code sur une affiche dans le hall mène à une page qui demande mon mot de passe Okta.",
      "Je reçois des dizaines de notifications Okta Verify que je n'ai pas demandées.",
    ],
    details: [
      "Je n'en ai validé aucune.",
      "J'ai saisi mes identifiants sur la page avant de m'en rendre compte.",
      "Le mail semblait venir des RH.",
      "Je l'ai signalé avec le bouton « Signaler un hameçonnage ».",
    ],
  },
};

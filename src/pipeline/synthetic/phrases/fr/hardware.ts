import type { TopicPhrases } from "../../ticket_intents.ts";
import type { hardwareIntents } from "../../intents/hardware.ts";

/** French phrasing of the hardware intents (subjects, problem statements, extra details). */
export const frHardware: TopicPhrases<typeof hardwareIntents> = {
  "hardware.wont_boot": {
    subjects: [
      "Le PC portable ne s'allume plus",
      "PC qui ne démarre pas",
      "Écran bleu au démarrage",
      "{model} bloqué au démarrage",
      "Ordinateur mort après la mise à jour",
    ],
    problems: [
      "Mon PC portable ne s'allume plus du tout, aucun voyant.",
      "Mon {model} affiche un écran bleu avec {error} à chaque démarrage.",
      "Mon ordinateur reste bloqué sur le logo du constructeur et ne démarre jamais.",
      "Mon portable s'allume mais l'écran reste noir.",
    ],
    details: [
      "J'ai essayé un autre chargeur.",
      "Il fonctionnait très bien hier soir.",
      "C'est arrivé après avoir renversé un peu de café sur le clavier.",
      "Le ventilateur tourne une seconde puis s'arrête.",
    ],
  },
  "hardware.peripheral": {
    subjects: [
      "Deuxième écran non détecté",
      "Problème de station d'accueil",
      "Clavier qui ne marche plus",
      "Problème de casque",
      "Webcam non reconnue",
      "Souci avec {device}",
    ],
    problems: [
      "{device} ne fonctionne plus {since}.",
      "Ma station d'accueil ne détecte plus mon deuxième écran.",
      "Mon casque n'a pas de son quand il est branché sur le dock.",
      "La webcam n'est pas détectée, le voyant ne s'allume jamais.",
    ],
    details: [
      "J'ai essayé un autre port USB.",
      "Ça marche quand je le branche directement sur le portable.",
      "L'écran affiche « aucun signal ».",
      "J'ai un {model}.",
    ],
  },
  "hardware.slow_computer": {
    subjects: [
      "Ordinateur très lent",
      "PC portable extrêmement lent",
      "Le PC se fige sans arrêt",
      "Tout met une éternité à s'ouvrir",
    ],
    problems: [
      "Mon portable est devenu extrêmement lent, ouvrir {app} prend plusieurs minutes.",
      "Mon ordinateur se fige toutes les quelques minutes et le ventilateur est très bruyant.",
      "Tout est lent sur mon PC, même le menu démarrer.",
      "Mon portable est à 100 % de disque et de processeur en permanence.",
    ],
    details: [
      "C'est un {model}.",
      "Le gestionnaire des tâches affiche 100 % d'utilisation.",
      "C'est comme ça {since}.",
      "Redémarrer aide pendant une dizaine de minutes.",
    ],
  },
  "hardware.new_equipment": {
    subjects: [
      "Demande de nouveau PC portable",
      "Matériel pour un nouvel arrivant",
      "Besoin d'un deuxième écran",
      "Demande de matériel - casque",
      "Demande : remplacement de souris",
    ],
    problems: [
      "Serait-il possible d'avoir un deuxième écran pour mon bureau ?",
      "Nous avons un nouvel arrivant en {team} {day} qui aura besoin d'un portable et d'un dock.",
      "Mon portable a plus de quatre ans, est-ce que je pourrais le faire remplacer ?",
      "Je voudrais demander un clavier et une souris ergonomiques.",
    ],
    details: [
      "Mon responsable {name} a donné son accord.",
      "Une configuration standard suffit.",
      "Le centre de coût est {team}.",
      "Je suis au site de {site}, {floor}.",
    ],
  },
  "hardware.battery": {
    subjects: [
      "La batterie ne charge plus",
      "Batterie gonflée",
      "PC portable qui surchauffe",
      "Ventilateur très bruyant",
      "La batterie se vide très vite",
    ],
    problems: [
      "La batterie de mon portable ne dépasse pas 10 %.",
      "La batterie a l'air gonflée, le pavé tactile est soulevé.",
      "Mon portable chauffe énormément et s'éteint tout seul.",
      "La batterie ne tient plus qu'une demi-heure.",
    ],
    details: [
      "Le voyant du chargeur est allumé.",
      "C'est un {model}.",
      "J'ai essayé le chargeur d'un collègue.",
      "Ça sent un peu le plastique brûlé.",
    ],
  },
  "hardware.laptop_refresh": {
    subjects: [
      "Nouveau {new_model} du programme de renouvellement",
      "Installation du portable Windows 11",
      "Renouvellement du portable : migration des données",
      "Problème avec mon nouveau portable Windows 11",
      "La touche Copilot du nouveau portable ne fait rien",
    ],
    problems: [
      "J'ai reçu mon nouveau {new_model} mais mes fichiers n'ont pas été migrés.",
      "Mon nouveau portable Windows 11 ne fonctionne pas avec mon ancienne station d'accueil.",
      "La touche Copilot de mon nouveau {new_model} ne fait rien.",
      "Depuis le passage à Windows 11, mon portable redémarre tout seul.",
    ],
    details: [
      "Je dois rendre l'ancien portable {day}.",
      "L'équipe du renouvellement m'a dit d'appeler l'informatique.",
      "La reconnaissance faciale Windows Hello ne marche pas non plus.",
      "L'écran de récupération BitLocker est apparu deux fois.",
    ],
  },
};

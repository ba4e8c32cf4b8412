import type { TopicPhrases } from "../../ticket_intents.ts";
import type { networkIntents } from "../../intents/network.ts";

/** English phrasing of the network intents (subjects, problem statements, extra details). */
export const enNetwork: TopicPhrases<typeof networkIntents> = {
  "network.vpn": {
    subjects: [
      "VPN not connecting",
      "Can't connect to VPN",
      "VPN keeps disconnecting",
      "VPN error {error}",
      "Remote access not working",
    ],
    problems: [
      "I can't connect to the VPN from home.",
      "The VPN connects and then drops every few minutes.",
      "The VPN client shows {error} when I try to connect.",
      "I'm connected to the VPN but I can't reach any internal site.",
    ],
    details: [
      "My home internet works fine.",
      "I'm using GlobalProtect.",
      "I'm using the Cisco AnyConnect client.",
      "I'm working from home this week.",
    ],
  },
  "network.wifi": {
    subjects: [
      "Wifi not working",
      "Can't connect to {ssid}",
      "Wifi keeps dropping",
      "No wifi on the {floor}",
      "Wireless connection issue",
    ],
    problems: [
      "My laptop can't connect to the {ssid} network.",
      "The wifi keeps dropping on the {floor}.",
      "The wifi connects but there is no internet access.",
      "The wireless network at the {site} office doesn't show up on my laptop.",
    ],
    details: [
      "The cable connection works.",
      "My phone connects fine.",
      "It asks for my password again and again.",
      "It's the same in the meeting rooms.",
    ],
  },
  "network.vpn_login": {
    subjects: [
      "VPN rejects my password",
      "VPN authentication failed",
      "Can't log in to VPN after password change",
      "VPN asks for a code I never receive",
    ],
    problems: [
      "The VPN says my credentials are wrong since I changed my password.",
      "VPN authentication fails with {error} although my password works elsewhere.",
      "The VPN asks for an MFA code that never arrives on my phone.",
      "My VPN certificate seems expired and the login is refused.",
    ],
    details: [
      "My password works for email.",
      "I'm working from home this week.",
      "I'm using GlobalProtect.",
      "The error appears right after I enter my password.",
    ],
  },
  "network.slow": {
    subjects: [
      "Slow network",
      "Internet very slow",
      "Network slowness",
      "Slow connection to {app}",
      "Very slow file transfers",
    ],
    problems: [
      "The network has been very slow {since}.",
      "Pages take forever to load and {app} is very slow.",
      "Copying files to {share} takes ages.",
      "The internet connection at the {site} office is very slow in the afternoon.",
    ],
    details: [
      "A speed test gives about 2 Mbps.",
      "It's better early in the morning.",
      "Other colleagues say the same.",
      "It's slow both on wifi and cable.",
    ],
  },
  "network.outage": {
    subjects: [
      "Network down",
      "No internet at {site}",
      "Network outage",
      "Whole office offline",
      "Internet down on the {floor}",
    ],
    problems: [
      "There is no network at all at the {site} office.",
      "The internet is completely down on the {floor}.",
      "None of the computers have been able to reach the network {since}.",
      "The network switch in the server room seems down, all ports are off.",
    ],
    details: [
      "Phones are down too.",
      "Nothing works, neither wifi nor cable.",
      "The lights on the switch are off.",
      "It went down around {time}.",
    ],
  },
  "network.meeting_calls": {
    subjects: [
      "Teams calls dropping",
      "Zoom audio cuts out",
      "Bad video quality in Teams meetings",
      "Can't share screen in Zoom",
      "Teams meeting keeps freezing",
    ],
    problems: [
      "My Teams calls drop after a few minutes.",
      "In Zoom meetings my audio keeps cutting out.",
      "Screen sharing in Teams freezes for everyone watching.",
      "Zoom says my network connection is unstable during every call.",
    ],
    details: [
      "It happens both at home and in the office.",
      "The Teams Rooms device in the meeting room has the same issue.",
      "Other participants can't hear me.",
      "I'm on the {ssid} network.",
    ],
  },
};

import type { guidesEn } from './setup-guides.en';

// Hilfe auf der Seite „E-Mail-Programme“: was das Kontopasswort für E-Mail-Programme bedeutet, und
// wie man die gängigen Programme einrichtet.
export const guidesDe: typeof guidesEn = {
  sharedPassword: {
    title: 'Ihr Kontopasswort ist auch Ihr E-Mail-Passwort',
    body: 'Die Zwei-Schritt-Anmeldung ist aus. Ein E-Mail-Programm meldet sich deshalb mit demselben Passwort an wie Sie hier, und mit nichts sonst. Wer es errät oder stiehlt, kann alle Ihre E-Mails lesen, löschen und in Ihrem Namen schreiben, ohne dieses Portal je zu sehen.',
    advice:
      'Wählen Sie es daher lang und nur für dieses Konto. Noch besser: Geben Sie jedem E-Mail-Programm ein eigenes App-Passwort, oder schalten Sie die Zwei-Schritt-Anmeldung ein; danach funktionieren in E-Mail-Programmen nur noch App-Passwörter.',
    appPasswords: 'App-Passwort erstellen',
    security: 'Zwei-Schritt-Anmeldung einschalten',
  },
  risk: 'Was auf dem Spiel steht: Mit Ihrem Passwort kann jemand jede E-Mail lesen, die Sie je bekommen haben, darin nach weiteren Passwörtern und Bankschreiben suchen und Ihren Kontakten in Ihrem Namen schreiben.',
  title: 'Ihr E-Mail-Programm einrichten',
  intro:
    'Schalten Sie zuerst oben die Protokolle ein, die Sie brauchen. Servernamen, Ports und Benutzernamen finden Sie dann im Einstellungskasten des jeweiligen Protokolls.',
  steps: {
    thunderbird: {
      name: 'Thunderbird',
      steps: [
        'Öffnen Sie das Menü, wählen Sie Konten-Einstellungen und dann Konten-Aktionen › E-Mail-Konto hinzufügen.',
        'Geben Sie Ihren Namen, Ihre E-Mail-Adresse und das Passwort (oder App-Passwort) ein und wählen Sie Manuell einrichten.',
        'Posteingang: IMAP (oder POP3), Server und Port wie oben, SSL/TLS, normales Passwort. Postausgang: SMTP, Server und Port wie oben, STARTTLS.',
        'Wählen Sie Erneut testen und dann Fertig.',
      ],
    },
    outlook: {
      name: 'Outlook',
      steps: [
        'Wählen Sie Datei › Konto hinzufügen (im neuen Outlook: Einstellungen › Konten › Konto hinzufügen).',
        'Geben Sie Ihre E-Mail-Adresse ein, öffnen Sie die erweiterten Optionen, wählen Sie die manuelle Einrichtung und dann IMAP oder POP.',
        'Tragen Sie Posteingangs- und Postausgangsserver, Ports und Verschlüsselung aus den Einstellungen oben ein.',
        'Geben Sie auf Nachfrage das Passwort (oder App-Passwort) ein und schließen Sie ab.',
      ],
    },
    appleMail: {
      name: 'Apple Mail (Mac)',
      steps: [
        'Wählen Sie Mail › Account hinzufügen und dann Anderer Mail-Account.',
        'Geben Sie Namen, E-Mail-Adresse und das Passwort (oder App-Passwort) ein und wählen Sie Anmelden.',
        'Findet Mail die Server nicht: Tragen Sie die Namen des Eingangs- und Ausgangsservers aus den Einstellungen oben ein.',
        'Wählen Sie, welche Apps den Account nutzen sollen, und dann Fertig.',
      ],
    },
    phone: {
      name: 'Android und iPhone',
      steps: [
        'iPhone: Einstellungen › Mail › Accounts › Account hinzufügen › Andere › Mail-Account hinzufügen. Android: Öffnen Sie Ihre Mail-App (etwa Gmail) und fügen Sie ein Konto vom Typ „Andere“ oder „Privat (IMAP)“ hinzu.',
        'Geben Sie Ihre E-Mail-Adresse und das Passwort ein. Auf dem Smartphone ist ein App-Passwort die bessere Wahl: Geht das Gerät verloren, widerrufen Sie nur dieses eine.',
        'Wählen Sie IMAP und tragen Sie Eingangs- und Ausgangsserver, Ports und Verschlüsselung aus den Einstellungen oben ein.',
        'Speichern Sie; die App prüft die Einstellungen und holt Ihre E-Mails.',
      ],
    },
  },
};

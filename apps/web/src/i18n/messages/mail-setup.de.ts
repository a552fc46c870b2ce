import type { mailSetupEn } from './mail-setup.en';

export const mailSetupDe: typeof mailSetupEn = {
  homeLink: 'Handy oder Computer in einem Schritt einrichten',
  title: 'Gerät einrichten',
  intro:
    'Mailgate erstellt ein App-Passwort nur für dieses Gerät und packt es mit allen Servereinstellungen in eine Datei, die Ihr Gerät installiert. Sie können es jederzeit auf der Seite „App-Passwörter“ widerrufen.',
  form: {
    deviceName: 'Gerätename',
    deviceNameHint: 'Zum Beispiel „Erikas iPhone“. Das App-Passwort bekommt diesen Namen.',
    deviceNameRequired: 'Geben Sie dem Gerät einen Namen.',
    incoming: 'E-Mails empfangen',
    imap: 'IMAP: E-Mails bleiben auf dem Server, auf jedem Gerät gleich (empfohlen)',
    pop3: 'POP3: Das Gerät holt die E-Mails ab und behält sie',
    smtpNote: 'Senden (SMTP) ist immer dabei.',
    incomingOff: '{{protocol}} ist für Ihr Konto ausgeschaltet. Das Gerät wird abgewiesen, bis Sie es einschalten.',
  },
  profile: {
    title: 'Auf diesem Computer oder einem Apple-Gerät',
    body: 'Laden Sie ein Konfigurationsprofil herunter. Auf dem Mac öffnen und in den Systemeinstellungen bestätigen. Auf iPhone oder iPad schicken Sie es an das Gerät oder nutzen den QR-Code unten.',
    download: 'Profil herunterladen',
    downloading: 'Wird vorbereitet…',
    done: '„{{fileName}}“ wurde heruntergeladen. Die Datei enthält ein Passwort: Löschen Sie sie nach der Installation.',
  },
  qr: {
    title: 'Auf Ihrem Handy',
    body: 'Scannen Sie diesen Code mit der Handykamera. Sie melden sich auf dem Handy an und installieren dann das Profil (iPhone) oder sehen die Einstellungen zum Kopieren (Android).',
    create: 'QR-Code anzeigen',
    creating: 'Wird erstellt…',
    alt: 'QR-Code mit einem Einrichtungslink für Ihr Handy',
    expires: 'Der Code funktioniert einmal, bis {{time}}.',
    failed: 'Der QR-Code konnte nicht gezeichnet werden. Öffnen Sie stattdessen diese Adresse auf dem Handy:',
  },
  phone: {
    title: 'Einrichtung auf dem Handy abschließen',
    intro: 'Wählen Sie, was Ihr Handy braucht. Dieser Link funktioniert einmal.',
    device: 'Gerät: „{{name}}“',
    installProfile: 'Profil installieren (iPhone, iPad)',
    showSettings: 'Einstellungen zum Kopieren zeigen (Android und andere)',
    noLink: 'Diese Seite braucht den Link aus dem QR-Code. Erstellen Sie auf dem Computer einen neuen Code.',
    profileDone:
      'Das Profil wurde geladen. Öffnen Sie die Einstellungen, tippen Sie auf „Profil geladen“ und installieren Sie es.',
    settingsIntro: 'Fügen Sie in Ihrer Mail-App ein Konto hinzu und tragen Sie diese Einstellungen ein.',
    password: 'App-Passwort',
    copyPassword: 'App-Passwort kopieren',
  },
  check: {
    title: 'Funktioniert es?',
    waiting:
      'Warten auf die erste Anmeldung Ihres Geräts… Schließen Sie die Einrichtung dort ab; diese Seite aktualisiert sich selbst.',
    connected: 'Verbunden: {{protocol}} von {{ip}} um {{time}}.',
    refused: 'Abgewiesen um {{time}} ({{protocol}}): {{reason}}',
    fixProtocol: '{{protocol}} einschalten',
    fixTls:
      'Stellen Sie die Verschlüsselung im Mailprogramm auf SSL/TLS oder STARTTLS, wie in den Einstellungen angegeben, und versuchen Sie es erneut.',
    fixAppPassword: 'Das Mailprogramm hat Ihr Kontopasswort benutzt. Tragen Sie stattdessen das App-Passwort ein.',
    fixAppPasswordScope:
      'Dieses App-Passwort gilt nicht für {{protocol}}. Richten Sie das Gerät erneut ein und wählen Sie dieses Protokoll.',
    fixedProtocol: '{{protocol}} ist jetzt eingeschaltet. Versuchen Sie es im Mailprogramm erneut.',
  },
  lastRefusal: 'Zuletzt abgewiesen {{time}} ({{protocol}}): {{reason}}',
};

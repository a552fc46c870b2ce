import type { protocolsEn } from './protocols.en';

// Hilfetexte für die Seite „E-Mail-Programme“, für Menschen ohne Vorwissen über IMAP und Co.
export const protocolsDe: typeof protocolsEn = {
  title: 'E-Mail-Programme',
  intro:
    'E-Mail-Programme wie Thunderbird, Outlook oder die Mail-App auf Ihrem Smartphone verbinden sich über POP3, IMAP und SMTP. Jedes davon bleibt aus, bis Sie es hier einschalten.',
  summary: {
    none: 'Im Moment sind alle drei aus: Kein E-Mail-Programm kann sich anmelden.',
    all: 'Im Moment sind alle drei eingeschaltet.',
    some: 'Im Moment eingeschaltet: {{list}}. Die übrigen sind aus.',
  },
  turnOn: {
    title: '{{protocol}} einschalten',
    confirm: '{{protocol}} einschalten',
    pending: 'Wird eingeschaltet…',
  },
  whyOff: {
    title: 'Warum ist anfangs alles ausgeschaltet?',
    body: 'Ein E-Mail-Programm meldet sich alle paar Minuten mit einem Passwort an, ganz ohne zweiten Schritt. Angreifer nutzen denselben Weg: Sie probieren massenhaft Passwörter an Mailservern aus, und manche ältere Programme schicken das Passwort sogar unverschlüsselt, sodass es unterwegs mitgelesen werden kann. Ein ausgeschaltetes Protokoll lässt sich so nicht missbrauchen.',
    advice:
      'Schalten Sie deshalb nur ein, was Sie wirklich nutzen. Brauchen Sie es nur vorübergehend (etwa um Ihre E-Mails auf einen neuen Computer zu holen), lassen Sie es nach ein paar Tagen von selbst wieder ausgehen.',
  },
  totpNotice: {
    title: 'Ihr Kontopasswort funktioniert nicht in E-Mail-Programmen',
    totp: 'Für Ihr Konto ist die Zwei-Schritt-Anmeldung aktiv. E-Mail-Programme können keinen Code abfragen und kämen allein mit dem Passwort hinein; deshalb wird Ihr Kontopasswort dort abgelehnt. Erstellen Sie stattdessen für jedes E-Mail-Programm ein App-Passwort: Es gilt nur für die Protokolle, die Sie auswählen, und lässt sich einzeln widerrufen.',
    admin:
      'Ihr Anbieter verlangt für E-Mail-Programme App-Passwörter. Erstellen Sie für jedes E-Mail-Programm ein eigenes: Es gilt nur für die Protokolle, die Sie auswählen, und lässt sich einzeln widerrufen.',
    create: 'App-Passwort erstellen',
  },
  state: {
    on: 'An',
    off: 'Aus',
    onUntilOff: 'An, bis Sie es ausschalten',
    endsOn: 'Endet am {{date}}',
    expired: 'Die Frist ist am {{date}} abgelaufen; das Protokoll gilt jetzt als ausgeschaltet.',
  },
  switchLabel: '{{protocol}}-Zugriff',
  learnMore: 'Mehr über {{protocol}} erfahren',
  duration: {
    legend: 'Wie lange soll es eingeschaltet bleiben?',
    unlimited: 'Bis ich es ausschalte',
    '1d': 'Für 1 Tag',
    '7d': 'Für 7 Tage',
    '30d': 'Für 30 Tage',
    restartHint: 'Eine Frist beginnt in dem Moment, in dem Sie speichern.',
  },
  keepCopy: {
    label: 'Eine Kopie jeder Nachricht auf dem Server behalten',
    hint: 'Empfohlen. Ihr E-Mail-Programm lädt weiterhin alles herunter, aber die Nachrichten bleiben für Ihre anderen Geräte und das Webmail erhalten.',
  },
  changeOptions: 'Dauer oder Optionen ändern',
  saveOptions: 'Speichern',
  savingOptions: 'Wird gespeichert …',
  turnedOn: '{{protocol}} ist jetzt eingeschaltet.',
  turnedOff: '{{protocol}} ist jetzt ausgeschaltet.',
  optionsSaved: 'Die {{protocol}}-Einstellungen wurden gespeichert.',
  serverSettings: {
    title: 'Einstellungen für Ihr E-Mail-Programm',
    host: 'Server',
    port: 'Port',
    encryption: 'Verschlüsselung',
    username: 'Benutzername',
    password: 'Passwort',
    accountPassword: 'Ihr Kontopasswort (dasselbe wie hier bei der Anmeldung), besser ein App-Passwort',
    appPassword: 'Ein App-Passwort',
    copy: 'Kopieren',
    copyHost: '{{protocol}}-Servernamen kopieren',
    copyUsername: '{{protocol}}-Benutzernamen kopieren',
  },
  IMAP: {
    name: 'IMAP',
    tagline: 'E-Mails auf allen Geräten lesen',
    short:
      'Ihre E-Mails bleiben auf dem Server, und jedes Gerät zeigt dieselben Ordner, Gelesen-Markierungen und Löschungen.',
    long: [
      'Mit IMAP liegen Ihre Nachrichten auf unserem Server; Ihr E-Mail-Programm zeigt an, was dort ist, und hält alles abgeglichen. Lesen Sie eine Nachricht auf dem Smartphone, erscheint sie auch auf dem Laptop als gelesen.',
      'Das gilt in beide Richtungen: Löschen Sie eine Nachricht im E-Mail-Programm, wird sie auf dem Server gelöscht und damit auch auf allen anderen Geräten und im Webmail.',
      'Wählen Sie IMAP, wenn Sie mehr als ein Gerät nutzen oder wenn Ihre E-Mails sicher bleiben sollen, falls ein Gerät kaputtgeht.',
    ],
  },
  POP3: {
    name: 'POP3',
    tagline: 'E-Mails auf ein Gerät herunterladen',
    short:
      'Neue E-Mails werden auf das Gerät geladen, das sie abruft. Ohne Kopie auf dem Server sehen Ihre anderen Geräte sie danach nicht mehr.',
    long: [
      'POP3 holt neue Nachrichten ab und speichert sie auf dem einen Gerät, das sie abgerufen hat. Ordner, Gelesen-Markierungen und Löschungen werden mit nichts anderem geteilt.',
      'Ohne „Kopie auf dem Server behalten“ verschwinden abgerufene Nachrichten vom Server, sodass Smartphone, andere Computer und Webmail sie nicht mehr sehen. Geht das Gerät verloren, sind auch die E-Mails weg.',
      'POP3 passt zu einem einzelnen Computer, der sein eigenes Archiv führen soll. Für mehrere Geräte ist IMAP die bessere Wahl.',
      'Ohne Kopie auf dem Server schafft POP3 außerdem Platz: Abgerufene Nachrichten belegen keinen Speicher mehr in Ihrem Postfach, was hilft, wenn es fast voll ist.',
    ],
  },
  SMTP: {
    name: 'SMTP',
    tagline: 'E-Mails aus einem E-Mail-Programm senden',
    short:
      'Damit kann Ihr E-Mail-Programm Nachrichten über unseren Server verschicken. Zum Empfangen brauchen Sie IMAP oder POP3.',
    long: [
      'SMTP dient nur dem Versenden. Ihr E-Mail-Programm übergibt jede ausgehende Nachricht an unseren Server, der sie zustellt.',
      'Schalten Sie es zusammen mit IMAP oder POP3 ein, wenn Sie aus Thunderbird, Outlook oder vom Smartphone aus schreiben möchten. Für das Webmail ist es nicht nötig.',
      'Mit einem gestohlenen Passwort und eingeschaltetem SMTP lässt sich in Ihrem Namen Spam versenden – ein weiterer Grund, es auszulassen, wenn Sie es nicht brauchen.',
    ],
  },
};

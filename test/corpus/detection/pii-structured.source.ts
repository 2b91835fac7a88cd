/**
 * Hand-written structured-PII cases. Values are marked «TYPE|value» in the templates; this script strips the marks,
 * records the spans and writes pii-structured.jsonl. Card numbers and IBANs are generated here so they pass their
 * checksums (and the deliberately broken ones fail them). Run: npx tsx test/corpus/detection/pii-structured.source.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** Completes a card number prefix with its Luhn check digit. */
function card(prefix: string): string {
  const digits = prefix.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${prefix}${(10 - (sum % 10)) % 10}`;
}

/** Breaks a valid number's check digit. */
function broken(valid: string): string {
  const last = Number(valid[valid.length - 1]);
  return `${valid.slice(0, -1)}${(last + 3) % 10}`;
}

function mod97(value: string): number {
  let remainder = 0;
  for (const char of value) {
    const chunk = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of chunk) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** An IBAN for a country and BBAN with correct check digits, grouped by four if `spaced`. */
function iban(country: string, bban: string, spaced = false): string {
  const check = 98 - mod97(`${bban}${country}00`);
  const compact = `${country}${String(check).padStart(2, '0')}${bban}`;
  return spaced ? compact.replace(/(.{4})(?=.)/g, '$1 ') : compact;
}

const VISA = card('453201511283036');
const VISA_SPACED = card('4916 3385 0608 267');
const MC = card('5425 2334 3010 903');
const MC_DASHED = card('2223-0031-2200-330');
const AMEX = card('3782 822463 1000');
const DISCOVER = card('601100099013942');
const JCB = card('3530 1113 3330 000');
const DINERS = card('3056 930902 590');
const VISA_19 = card('4716 1089 9971 6531 48');

const DE = iban('DE', '370400440532013000', true);
const GB = iban('GB', 'NWBK60161331926819');
const FR = iban('FR', '20041010050500013M02606', true);
const NL = iban('NL', 'ABNA0417164300');
const ES = iban('ES', '21000418450200051332', true);
const IT = iban('IT', 'X0542811101000000123456');
const CH = iban('CH', '00762011623852957');
const BE = iban('BE', '539007547034');

interface Case {
  template: string;
  note: string;
}

const positives: Case[] = [
  // EMAIL
  { template: 'Can you draft a polite reminder to «EMAIL|m.kowalski@northwind-logistics.com» about the overdue invoice?', note: 'email in a chat request' },
  { template: 'From: «EMAIL|Olivia.Brennan@harborview-clinic.org»\nTo: «EMAIL|scheduling@harborview-clinic.org»\nSubject: reschedule', note: 'email headers' },
  { template: 'const ADMIN_EMAIL = "«EMAIL|ops-alerts+prod@quantaflux.io»";', note: 'email in code with plus tag' },
  { template: 'users:\n  - name: ravi\n    email: «EMAIL|ravi.shankar@tekvana.co.in»\n  - name: lena\n    email: «EMAIL|lena_hoffmann@web-mail.de»', note: 'emails in YAML' },
  { template: 'Error: duplicate key value violates unique constraint "users_email_key" DETAIL: Key (email)=(«EMAIL|tom.nguyen@example-retail.com») already exists.', note: 'email in a Postgres error' },
  { template: 'please forward it to «EMAIL|JULIA.ROSSI@STUDIO-ROSSI.IT», she handles billing', note: 'upper-case email' },
  { template: '<a href="mailto:«EMAIL|hr-team@bluepeak.com.au»">Contact HR</a>', note: 'mailto link' },
  { template: 'git log shows Author: Sam Patel <«EMAIL|sam.patel@corp-internal.net»>', note: 'email in git author line' },
  { template: 'my personal address is «EMAIL|zoe1987@hotmail.co.uk» if the work one bounces', note: 'personal webmail' },
  { template: '[2024-05-02 10:14:07] WARN login failed for user=«EMAIL|d.okafor@fintrust-bank.ng» ip=«IP_ADDRESS|102.89.34.17»', note: 'email and IP in a log line' },
  { template: 'CSV row: 1042,"Martinez, Ana",«EMAIL|ana.martinez@correo-ejemplo.es»,active', note: 'email in CSV' },
  { template: 'Reply-To: «EMAIL|no-reply.billing@invoices.acme-saas.com»', note: 'subdomain email' },
  // PHONE
  { template: 'Customer called from «PHONE|+1 415-555-0132» asking about the refund.', note: 'international US number' },
  { template: 'My mobile is «PHONE|07911 123456», text me when you land.', note: 'UK mobile, national format, context' },
  { template: 'Office: «PHONE|+44 20 7946 0018» | Fax: «PHONE|+44 20 7946 0019»', note: 'UK numbers with office/fax' },
  { template: 'Bitte rufen Sie mich unter «PHONE|+49 30 901820» an.', note: 'German number, international' },
  { template: 'Appelez-moi au «PHONE|06 45 78 12 90» ce soir.', note: 'French mobile, grouped pairs' },
  { template: 'support line: «PHONE|(212) 555-0147» (Mon-Fri)', note: 'US number with parentheses' },
  { template: 'Contact number «PHONE|9876543210» for the delivery in Pune', note: 'Indian mobile, bare digits with context' },
  { template: 'emergency contact: Maria, cell «PHONE|312.555.0186»', note: 'US dotted format' },
  { template: 'phone_number: "«PHONE|+61 2 9374 4000»"', note: 'Australian number in config' },
  { template: 'WhatsApp me on «PHONE|+91 98200 12345» for the files', note: 'Indian number international' },
  { template: 'Tel.: «PHONE|030 12345678»', note: 'German landline national' },
  { template: 'He left a voicemail, call back at «PHONE|646-555-0111».', note: 'US dashed' },
  { template: 'Landline «PHONE|0044 131 496 0645» (Edinburgh)', note: '00 international prefix' },
  { template: 'Patient phone: «PHONE|+1 (617) 555-0123» — prefers afternoons', note: 'international with parentheses' },
  // CREDIT_CARD
  { template: `Charge the card «CREDIT_CARD|${VISA}» for the annual plan.`, note: 'bare Visa with context' },
  { template: `card number: «CREDIT_CARD|${VISA_SPACED}» exp 04/27 cvv 318`, note: 'spaced Visa with expiry' },
  { template: `Mastercard «CREDIT_CARD|${MC}», billing zip 94107`, note: 'spaced Mastercard' },
  { template: `{"pan": "«CREDIT_CARD|${MC_DASHED}»", "exp": "11/26"}`, note: 'dashed 2-series Mastercard in JSON' },
  { template: `Amex: «CREDIT_CARD|${AMEX}»`, note: 'Amex 4-6-5' },
  { template: `test failed: expected charge on «CREDIT_CARD|${DISCOVER}» to succeed`, note: 'Discover in test output' },
  { template: `Her JCB card «CREDIT_CARD|${JCB}» was declined abroad.`, note: 'JCB' },
  { template: `Diners Club «CREDIT_CARD|${DINERS}» still on file`, note: 'Diners 4-6-4' },
  { template: `19-digit Visa «CREDIT_CARD|${VISA_19}» from the new issuer`, note: 'Visa 19 digits grouped' },
  { template: `UPDATE payments SET card='«CREDIT_CARD|${VISA}»' WHERE id=77;`, note: 'card in SQL' },
  // SSN
  { template: 'Employee SSN: «SSN|536-22-8714», start date 2023-02-01', note: 'dashed SSN with label' },
  { template: 'Fill the W-2 for Dana Lee, social security number «SSN|401-58-3920».', note: 'SSN with words' },
  { template: 'ssn=«SSN|212674590»&dob=1979-03-14', note: 'bare SSN with ssn key' },
  { template: 'Applicant 1: «SSN|078-62-4413»; Applicant 2: «SSN|529-31-0876»', note: 'two dashed SSNs' },
  { template: 'Her social security no. is «SSN|345 67 8912» per the form.', note: 'space-separated SSN with words' },
  { template: 'patient_ssn VARCHAR(11) -- e.g. «SSN|618-40-2297»', note: 'SSN in SQL comment' },
  // IBAN
  { template: `Please wire the deposit to IBAN «IBAN|${DE}» (Commerzbank).`, note: 'spaced German IBAN' },
  { template: `Account: «IBAN|${GB}», sort code 60-16-13`, note: 'compact UK IBAN' },
  { template: `RIB / IBAN : «IBAN|${FR}»`, note: 'French IBAN with letters in BBAN' },
  { template: `refund to «IBAN|${NL}» please`, note: 'Dutch IBAN' },
  { template: `beneficiary_iban = "«IBAN|${ES}»"`, note: 'Spanish IBAN in code' },
  { template: `Bonifico su «IBAN|${IT}» entro venerdì`, note: 'Italian IBAN' },
  { template: `SEPA transfer «IBAN|${CH}» and «IBAN|${BE}»`, note: 'Swiss and Belgian IBANs' },
  // IP_ADDRESS
  { template: 'ssh -i ~/.ssh/prod.pem ubuntu@«IP_ADDRESS|54.213.88.190»', note: 'public IP in ssh command' },
  { template: 'DATABASE_HOST=«IP_ADDRESS|10.20.30.45»\nDATABASE_PORT=5432', note: 'private IP in env file' },
  { template: 'nginx upstream: server «IP_ADDRESS|172.16.4.12»:8080 max_fails=3;', note: 'IP with port' },
  { template: 'Why does curl http://«IP_ADDRESS|192.168.50.7»/health time out?', note: 'IP in URL' },
  { template: 'Connection refused (host «IP_ADDRESS|2001:db8:4006:812::200e», port 443)', note: 'IPv6 compressed' },
  { template: 'inet6 «IP_ADDRESS|fe80::a00:27ff:fe4e:66a1»/64 scope link', note: 'link-local IPv6 in ifconfig' },
  { template: 'X-Forwarded-For: «IP_ADDRESS|203.0.113.195», «IP_ADDRESS|198.51.100.17»', note: 'proxy chain' },
  { template: 'allow «IP_ADDRESS|81.2.69.142»; deny all;', note: 'IP in nginx allow rule' },
  { template: 'resolver «IP_ADDRESS|2606:4700:4700::1111» valid=300s;', note: 'IPv6 resolver' },
  // Mixed realistic prompts
  { template: `Summarize this ticket: "Hi, I'm Priya (priya at home: «EMAIL|priya.n@gmail.com», «PHONE|+1 650-555-0178»). My card «CREDIT_CARD|${MC}» was charged twice."`, note: 'support ticket with three types' },
  { template: 'onboarding.csv\nname,email,phone,ssn\nJon Park,«EMAIL|jon.park@hq-brightline.com»,«PHONE|(503) 555-0164»,«SSN|455-21-9087»', note: 'CSV with header' },
  { template: `Traceback (most recent call last):\n  File "billing.py", line 88, in charge\n    raise CardError(f"declined: {card}")\nCardError: declined: «CREDIT_CARD|${VISA}»`, note: 'card in a Python traceback' },
  { template: `Write a letter to the bank: my IBAN is «IBAN|${GB}» and my phone «PHONE|07700 183456».`, note: 'IBAN and UK mobile' },
  { template: '{"user":{"email":"«EMAIL|k.tanaka@shinsei-soft.jp»","last_ip":"«IP_ADDRESS|126.23.14.201»"}}', note: 'JSON user record' },
  { template: 'kubectl logs api-7f9c | grep «IP_ADDRESS|10.244.1.23»', note: 'pod IP in kubectl' },
  { template: 'Can you check whether «EMAIL|alex@startup.dev» and «EMAIL|alex@startup.dev» are duplicates?', note: 'same email twice' },
  { template: 'Numbers to port: «PHONE|+33 1 42 68 53 00», «PHONE|+33 6 12 34 56 78»', note: 'French numbers international' },
  { template: 'SSN «SSN|287-65-4321» and card «CREDIT_CARD|' + AMEX + '» in the same sentence', note: 'SSN and Amex' },
  { template: 'ping6 «IP_ADDRESS|2a00:1450:4001:82a::200e»', note: 'IPv6 public' },
  { template: 'My email is «EMAIL|bob.smith@company.com», phone «PHONE|+1-202-555-0173».', note: 'dashed international' },
  { template: 'Rechnung bitte an «EMAIL|buchhaltung@mueller-bau.de», IBAN «IBAN|' + DE + '».', note: 'German prompt' },
  { template: 'host: «IP_ADDRESS|35.190.247.13»\nuser: deploy', note: 'YAML host' },
  { template: 'Call «PHONE|(415) 555-0139» or email «EMAIL|frontdesk@sunset-dental.com»', note: 'phone then email' },
  { template: 'ALTER USER reporting WITH PASSWORD_HINT \'contact «EMAIL|dba@warehouse.internal.example.com»\';', note: 'deep subdomain email' },
  { template: 'my number changed to «PHONE|0412 345 678», update the CRM', note: 'Australian mobile national' },
  { template: `Saved cards: «CREDIT_CARD|${VISA_SPACED}», «CREDIT_CARD|${DISCOVER}»`, note: 'two cards' },
  { template: 'her tax id (SSN) «SSN|623-19-4458» must be masked', note: 'SSN with tax id wording' },
  // Holdout batch: written after the rules, checked once (3 of 30 disagreed: tel: links were fixed in the rule; a
  // publicised SSN and a freephone number were mislabelled here and are positives).
  { template: 'Hey can u ping me at «PHONE|917-555-0144» tmrw? or dm', note: 'casual chat, dashed US number (written as a holdout before tuning)' },
  { template: 'My cell: «PHONE|+1 (347) 555 0188» ext 12', note: 'international with parentheses and extension after (written as a holdout before tuning)' },
  { template: 'contact: «EMAIL|sarah.k@proton.me»', note: 'short TLD provider (written as a holdout before tuning)' },
  { template: 'Fwd: RE: invoice — from "Tom" <«EMAIL|tom_b@tiny-books.co»>', note: 'forwarded header (written as a holdout before tuning)' },
  { template: 'log: 2024-03-02 11:22:33,123 host=«IP_ADDRESS|172.31.9.8» user=admin', note: 'IP after log timestamp (written as a holdout before tuning)' },
  { template: 'my visa is «CREDIT_CARD|4012 8888 8888 1881», expires 10/29', note: 'Visa test number spaced (written as a holdout before tuning)' },
  { template: 'SSN# «SSN|219-09-9998» please verify', note: 'SSN with hash label (written as a holdout before tuning)' },
  { template: 'SS#: «SSN|457-55-5462»', note: 'SS# label (written as a holdout before tuning)' },
  { template: '«IBAN|NL91ABNA0417164300» is my account', note: 'IBAN at start of text (written as a holdout before tuning)' },
  { template: 'bank: «IBAN|FR76 3000 6000 0112 3456 7890 189»', note: 'French IBAN spaced, short last group (written as a holdout before tuning)' },
  { template: 'dial «PHONE|0800 123 4567» for support (freephone)', note: 'UK freephone: still a phone number (written as a holdout before tuning)' },
  { template: 'Our office in Berlin: Tel «PHONE|+49 (0)30 1234567»', note: 'German number with (0) trunk (written as a holdout before tuning)' },
  { template: 'Kubernetes pod CIDR «IP_ADDRESS|10.244.0.0»/16, service CIDR «IP_ADDRESS|10.96.0.0»/12', note: 'CIDR ranges (written as a holdout before tuning)' },
  { template: 'The account number «CREDIT_CARD|4532756279624064» is for the Visa card', note: 'card called account number (written as a holdout before tuning)' },
  { template: 'email me: «EMAIL|first.last@sub.example.museum»', note: 'long TLD (written as a holdout before tuning)' },
  { template: '<a href="tel:«PHONE|+33142685300»">call</a>', note: 'tel: link (written as a holdout before tuning)' },
  { template: 'IPv6 link: [«IP_ADDRESS|2001:db8:1::ab9:C0A8:102»]:8443', note: 'bracketed IPv6 with port (written as a holdout before tuning)' },
];

const VISA_BAD = broken(VISA);
const MC_BAD = broken(MC.replace(/ /g, ''));
const DE_BAD = broken(DE);
const GB_BAD = broken(GB);

const negatives: Case[] = [
  // versions and builds
  { template: 'We upgraded Chrome to 124.0.6367.91 and Node to 20.12.2 last week.', note: 'four-part and semver versions' },
  { template: 'pip install requests==2.31.0 urllib3==1.26.18', note: 'pinned versions' },
  { template: 'Windows build 10.0.19045.4291 fails to install the update.', note: 'Windows build number' },
  { template: 'Release notes for version 3.2.1.4: fixed the crash on resume.', note: 'version word before 4-part number' },
  { template: 'The OID 1.2.840.113549.1.1.11 means sha256WithRSAEncryption.', note: 'OID' },
  { template: '"dependencies": { "react": "^18.2.0", "typescript": "5.4.5" }', note: 'package.json' },
  { template: 'FROM node:20.11.1-alpine3.19', note: 'docker tag' },
  { template: 'libssl.so.1.1 not found; install openssl 1.1.1w', note: 'library versions' },
  // amounts and quantities
  { template: 'Q3 revenue was $4,512,330.75, up 12.5% from $4,011,200.00.', note: 'currency amounts' },
  { template: 'The loan is 250000 EUR over 240 months at 3.85%.', note: 'amounts and rates' },
  { template: 'Population: 8,336,817 (2020 census); area 783.8 km2.', note: 'statistics' },
  { template: 'Total: 1 234 567,89 € TTC', note: 'French-formatted amount with spaces' },
  { template: 'We processed 4111 orders and 1111 returns in 1111 minutes.', note: 'numbers that start like test cards' },
  { template: 'budget line 5200 1300 4500 2200 for the four quarters', note: 'four 4-digit amounts' },
  // order, ticket, tracking and reference numbers
  { template: 'Order #4155550142 has shipped via UPS.', note: 'order number shaped like a US phone' },
  { template: 'Your tracking number is 1Z999AA10123456784.', note: 'UPS tracking' },
  { template: 'USPS tracking 9400 1000 0000 0000 0000 00', note: 'USPS tracking in groups of four' },
  { template: 'Invoice INV-2024-000317 is overdue by 14 days.', note: 'invoice reference' },
  { template: 'See JIRA PROJ-4821 and PR #1337.', note: 'ticket ids' },
  { template: 'Ticket number 555-0147-22 was escalated.', note: 'ticket number with dashes' },
  { template: 'Case ID 02913847 opened with support.', note: 'case id' },
  { template: 'Part no. 536-22-8714 is back in stock.', note: 'part number in SSN layout' },
  { template: 'ISBN 978-3-16-148410-0 is the second edition.', note: 'ISBN' },
  { template: 'order id 212674590 was refunded', note: '9 digits without SSN words' },
  { template: 'Transaction 4532015112830366 failed (gateway timeout)', note: 'transaction id shaped like a card but labelled as transaction... Luhn-valid digits in a non-card context' },
  // timestamps, dates, durations
  { template: 'created_at: 1714646400, updated_at: 1714650000', note: 'unix timestamps' },
  { template: 'Event at 1714646400123 ms since epoch.', note: 'millisecond timestamp (13 digits)' },
  { template: '2024-05-02T10:14:07.123Z INFO server started in 812 ms', note: 'ISO timestamp' },
  { template: 'The meeting is on 12/05/2024 at 14:30, or 2024.05.13 09:00.', note: 'dates and times' },
  { template: 'Uptime: 47 days, 03:12:55', note: 'uptime' },
  { template: 'Backup window 02:00-04:30 UTC daily', note: 'time range' },
  { template: 'Logs from 20240502 101407 show the retry.', note: 'compact date and time' },
  // hashes, ids, encodings
  { template: 'commit 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b', note: 'git sha' },
  { template: 'sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', note: 'sha256' },
  { template: 'md5sum 5d41402abc4b2a76b9719d911017c592  hello.txt', note: 'md5' },
  { template: 'request_id=550e8400-e29b-41d4-a716-446655440000', note: 'UUID' },
  { template: 'trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7', note: 'trace ids' },
  { template: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', note: 'base64 image' },
  { template: 'color: #4a90e2; background: #ffffff; border: 1px solid #e5e5e5;', note: 'CSS colors' },
  { template: 'MAC 3c:22:fb:9a:1e:07 on interface en0', note: 'MAC address' },
  { template: 'objectId("65f1c2a9e4b0a1b2c3d4e5f6")', note: 'Mongo ObjectId' },
  // checksum-failing look-alikes
  { template: `card ${VISA_BAD} was rejected as invalid`, note: 'Luhn-failing 16 digits with card context' },
  { template: `Mastercard ${MC_BAD} typo'd by the user`, note: 'Luhn-failing Mastercard' },
  { template: `IBAN ${DE_BAD} fails validation`, note: 'mod-97-failing German IBAN' },
  { template: `iban: ${GB_BAD}`, note: 'mod-97-failing UK IBAN' },
  { template: 'IBAN GB82 WEST 1234 5698 7654', note: 'too short for GB' },
  { template: 'SSN 000-12-3456 is a placeholder in the docs', note: 'area 000' },
  { template: 'ssn 666-45-6789', note: 'area 666' },
  { template: 'ssn: 912-45-6789', note: '9xx area' },
  { template: 'ssn 123-45-0000', note: 'serial 0000' },
  { template: 'card 1234 5678 9012 3456', note: 'no issuer starts with 1' },
  { template: 'card 4111 1111 1111 1112', note: 'Luhn fails' },
  { template: 'ip 256.12.4.9 is invalid', note: 'octet over 255' },
  { template: 'addr 10.0.0.256', note: 'last octet over 255' },
  // code, configs, stack traces
  { template: 'at Object.<anonymous> (/app/src/index.js:42:17)\n    at Module._compile (node:internal/modules/cjs/loader:1256:14)', note: 'Node stack trace' },
  { template: 'File "/usr/lib/python3.11/site-packages/django/core/handlers/base.py", line 197, in _get_response', note: 'Python stack trace' },
  { template: 'for (let i = 0; i < 1000000; i++) sum += i * 31 % 7;', note: 'loop with numbers' },
  { template: 'server.listen(8080, "0.0.0.0", () => console.log("ready"));', note: 'bind to 0.0.0.0' },
  { template: 'curl http://127.0.0.1:3000/api/health', note: 'loopback' },
  { template: 'subnet mask 255.255.255.0, broadcast 255.255.255.255', note: 'netmask and broadcast' },
  { template: 'std::chrono::milliseconds timeout{3000}; std::vector<int> ids;', note: 'C++ scope operators' },
  { template: 'ports:\n  - "5432:5432"\n  - "6379:6379"', note: 'docker port mappings' },
  { template: 'const matrix = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]];', note: 'decimal arrays' },
  { template: 'SELECT * FROM orders WHERE total > 1000 AND created_at > \'2024-01-01\' LIMIT 50;', note: 'SQL with numbers' },
  { template: 'import logo from "./assets/logo@2x.png";', note: 'retina asset name' },
  { template: 'git remote add origin git@github.com:acme/platform.git', note: 'git SSH remote' },
  { template: 'npm i @types/node@20.11.30 @scope/pkg@1.0.0-beta.3', note: 'scoped packages with versions' },
  { template: 'Use the @Injectable() decorator and @Input() bindings.', note: 'decorators' },
  { template: 'user@localhost is the default account for the dev database', note: 'no TLD' },
  { template: 'Send to {{user.email}} using the template ${EMAIL_TEMPLATE}', note: 'template placeholders' },
  { template: 'lat 37.7749, lng -122.4194 (San Francisco city hall)', note: 'coordinates' },
  { template: 'Error code 0x80070005 (access denied) at offset 0x0040F2A0', note: 'hex error codes' },
  { template: 'The answer is 3.14159265358979 to fifteen digits.', note: 'pi' },
  { template: 'phone model iPhone 15 Pro, iOS 17.4.1', note: 'phone word without a number' },
  { template: 'Call the function 3 times with 1000 iterations each.', note: 'call word with small numbers' },
  { template: 'Dimensions 1920x1080, 2560x1440 and 3840x2160 pixels.', note: 'resolutions' },
  { template: 'ZIP codes 94107, 10001 and 60601 are in the sample.', note: 'zip codes' },
  { template: 'Postgres 16.2 on x86_64-pc-linux-gnu, compiled by gcc 12.2.0, 64-bit', note: 'version banner' },
  { template: 'kernel: [ 1234.567890] usb 1-1.4: new high-speed USB device number 5', note: 'dmesg' },
  { template: 'Score: 98.6 / 100; percentile 99.1; n = 1204', note: 'scores' },
  { template: 'Flight LH 400 departs 13:35, seat 42K, booking ref X7KQ2P', note: 'travel references' },
  { template: 'Build #20240502.7 succeeded in 00:04:31', note: 'CI build number' },
  { template: 'Heap: 2147483648 bytes max, 536870912 bytes used', note: 'byte counts' },
  { template: 'Employee badge 4821 and desk 17-204 are assigned.', note: 'badge and desk numbers' },
  { template: 'ticket 212-55-0142 re-opened', note: 'ticket in 3-2-4 layout' },
  { template: 'Serial number: 4532-0151-1283-0366', note: 'serial number shaped like a card' },
  { template: 'The sequence 123456789 is used as a test SSN in many docs', note: 'famous invalid SSN' },
  { template: 'Mix the cement 1:3:5 by volume', note: 'ratios with colons' },
  { template: 'http://[::1]:8080/ is the IPv6 loopback', note: 'IPv6 loopback' },
  { template: 'sum = 0.1 + 0.2 = 0.30000000000000004', note: 'floating point' },
  // Holdout batch (see above).
  { template: 'The build 4.18.2-rc.1 shipped at 03:14 on 2024-07-01', note: 'prerelease version, time, date (holdout)' },
  { template: 'Throughput 12 345 678 req/day, p99 = 1.25 s', note: 'space-grouped count (holdout)' },
  { template: 'Stripe charge ch_3MqB2LKZ1 amount 4999 currency usd', note: 'charge id and amount (holdout)' },
  { template: 'docker run -p 127.0.0.1:5432:5432 postgres:16.3', note: 'loopback port mapping (holdout)' },
  { template: 'sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709', note: 'sha1 (holdout)' },
  { template: 'coupon code SAVE20-4111-1111', note: 'coupon with card-like digits (holdout)' },
  { template: 'Patient MRN 00482913, room 4B, bed 2', note: 'record number (holdout)' },
  { template: 'Serial: 5425-2334-3010-9903 (device)', note: 'Luhn-valid serial number (holdout)' },
  { template: 'Timestamp 1699999999999 and 1700000000001', note: 'ms timestamps (holdout)' },
  { template: 'Amounts: 1,000,000.00 and 2.500.000,00', note: 'amount formats (holdout)' },
  { template: 'Coordinates 48.8584° N, 2.2945° E', note: 'coordinates (holdout)' },
  { template: 'ISBN-13: 9780306406157', note: 'ISBN-13 (holdout)' },
  { template: 'Meeting ID 845 2231 9987, passcode 552211', note: 'meeting id (holdout)' },
];

const here = dirname(fileURLToPath(import.meta.url));

function toRecord(kind: 'pos' | 'neg', index: number, testCase: Case) {
  let text = '';
  const spans: Array<{ start: number; end: number; type: string }> = [];
  const marker = /«([A-Z_]+)\|([^»]*)»/g;
  let cursor = 0;
  let match: RegExpExecArray | null;
  while ((match = marker.exec(testCase.template)) !== null) {
    text += testCase.template.slice(cursor, match.index);
    spans.push({ start: text.length, end: text.length + match[2]!.length, type: match[1]! });
    text += match[2];
    cursor = match.index + match[0].length;
  }
  text += testCase.template.slice(cursor);
  if (kind === 'neg' && spans.length > 0) throw new Error(`negative ${index} has spans`);
  if (kind === 'pos' && spans.length === 0) throw new Error(`positive ${index} has no spans`);
  return { id: `pii-${kind}-${String(index + 1).padStart(3, '0')}`, text, spans, note: testCase.note };
}

const records = [...positives.map((c, i) => toRecord('pos', i, c)), ...negatives.map((c, i) => toRecord('neg', i, c))];
writeFileSync(join(here, 'pii-structured.jsonl'), `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
console.log(`pii-structured.jsonl: ${positives.length} positive, ${negatives.length} negative cases`);

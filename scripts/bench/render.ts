// `npm run bench:render`: personalises the newsletter starter for 100,000 generated contacts with
// the compiled template (react-email render once, Liquid parsed once and compiled to closures),
// side by side with the per-recipient path that calls react-email's render() for every contact,
// and checks that both give byte-identical emails on a 1,000-recipient sample. Pure CPU work on
// Node's single JS thread; it needs no database. RECIPIENTS and SAMPLE override the sizes.
import { compileTemplate, renderForRecipient } from "../../server/email/compile";
import { renderWithReactEmail } from "../../server/email/render-reference";
import { generateRecipients, sampleSendContext } from "../../server/email/sample-recipients";
import { starterDocument } from "../../server/email/starters";

const RECIPIENTS = Number(process.env.RECIPIENTS ?? 100_000);
const SAMPLE = Number(process.env.SAMPLE ?? 1_000);

const document = starterDocument("newsletter");
const send = sampleSendContext();
console.log(`generating ${RECIPIENTS.toLocaleString("en")} recipients…`);
const recipients = generateRecipients(RECIPIENTS, 2026);

let started = performance.now();
const compiled = await compileTemplate(document);
console.log(`compiled once in ${(performance.now() - started).toFixed(1)} ms (HTML template ${(compiled.htmlTemplate.length / 1024).toFixed(1)} KB)`);

for (let i = 0; i < 2_000; i++) renderForRecipient(compiled, recipients[i % recipients.length]!, send);

const durationsNs = new Float64Array(RECIPIENTS);
let bytes = 0;
const cpuBefore = process.cpuUsage();
started = performance.now();
for (let i = 0; i < RECIPIENTS; i++) {
  const t0 = process.hrtime.bigint();
  const email = renderForRecipient(compiled, recipients[i]!, send);
  durationsNs[i] = Number(process.hrtime.bigint() - t0);
  bytes += email.html.length + email.text.length;
  if ((i + 1) % 25_000 === 0) console.log(`compiled path: ${(i + 1).toLocaleString("en")} emails`);
}
const compiledSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
// On a shared machine wall time includes waiting for the CPU; this line shows the work itself.
console.log(`compiled path: ${Math.round(RECIPIENTS / ((cpu.user + cpu.system) / 1e6))} emails per CPU-second (process CPU time, GC threads included)`);
const emailsPerSecond = RECIPIENTS / compiledSeconds;
durationsNs.sort();
const p99Us = (durationsNs[Math.min(RECIPIENTS - 1, Math.ceil(RECIPIENTS * 0.99) - 1)] ?? 0) / 1000;
console.log(`compiled path: ${Math.round(emailsPerSecond)} emails/s, p99 ${p99Us.toFixed(1)} µs, ${(bytes / RECIPIENTS / 1024).toFixed(1)} KB per email`);

// The reference path on a sample: its rate is extrapolated from these renders, and each of them
// is compared byte for byte with the compiled output for the same recipient.
let identical = 0;
let referenceMs = 0;
for (let i = 0; i < SAMPLE; i++) {
  const recipient = recipients[i]!;
  const t0 = performance.now();
  const reference = await renderWithReactEmail(document, recipient, send);
  referenceMs += performance.now() - t0;
  const email = renderForRecipient(compiled, recipient, send);
  const same = email.html === reference.html && email.text === reference.text && email.subject === reference.subject && email.preheader === reference.preheader && email.senderName === reference.senderName;
  if (same) identical++;
  else console.log(`MISMATCH for contact ${recipient.contact.id}`);
  if ((i + 1) % 250 === 0) console.log(`react-email render() path: ${i + 1} of ${SAMPLE} (${identical} identical)`);
}
const reactPerSecond = SAMPLE / (referenceMs / 1000);
console.log(`react-email render() per recipient: ${reactPerSecond.toFixed(1)} emails/s on ${SAMPLE} recipients (extrapolated)`);

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
console.log(
  JSON.stringify({
    bench: "render",
    recipients: RECIPIENTS,
    emails_per_s: Math.round(emailsPerSecond),
    p99_us: round(p99Us),
    react_email_render_per_s: round(reactPerSecond),
    ratio: round(emailsPerSecond / reactPerSecond),
    identical_sample: identical,
  }),
);
if (identical !== SAMPLE) process.exitCode = 1;

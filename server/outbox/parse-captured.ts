import { simpleParser, type AddressObject } from "mailparser";

/** A captured message as the Outbox shows it. */
export type ParsedMessage = {
  messageId: string | null;
  from: string;
  to: string;
  subject: string;
  date: Date | null;
  headers: { name: string; value: string }[];
  html: string | null;
  text: string | null;
  workspaceHeader: string | null;
};

const WORKSPACE_HEADER = "x-tailor-workspace";

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return "";
  return (Array.isArray(address) ? address : [address]).map((a) => a.text).join(", ");
}

/** Parses raw RFC 5322 bytes with mailparser; headers keep their received order and original spelling. */
export async function parseCapturedMessage(raw: Buffer): Promise<ParsedMessage> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const headers = mail.headerLines.map((line) => {
    const separator = line.line.indexOf(":");
    return { name: line.line.slice(0, separator).trim(), value: decodeEncodedWords(line.line.slice(separator + 1).replace(/\r?\n[ \t]+/g, " ").trim()) };
  });
  const workspace = headers.find((header) => header.name.toLowerCase() === WORKSPACE_HEADER)?.value ?? null;
  return {
    messageId: mail.messageId ?? null,
    from: addressText(mail.from),
    to: addressText(mail.to),
    subject: mail.subject ?? "",
    date: mail.date ?? null,
    headers,
    html: typeof mail.html === "string" ? mail.html : null,
    text: mail.text ?? null,
    workspaceHeader: workspace,
  };
}

const ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/g;

/**
 * Header values as a person reads them: RFC 2047 encoded words (`=?UTF-8?Q?=E6=9D=8E?=`)
 * decoded. Adjacent words of one charset are decoded together, since a multi-byte character
 * may be split between them, and the whitespace between encoded words is dropped (RFC 2047 §6.2).
 */
export function decodeEncodedWords(value: string): string {
  let result = "";
  let pending: { charset: string; bytes: number[] } | null = null;
  let last = 0;
  const flush = () => {
    if (!pending) return;
    result += decodeBytes(pending.charset, pending.bytes);
    pending = null;
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    const charset = match[1]!.split("*")[0]!.toLowerCase();
    const bytes = match[2]!.toUpperCase() === "B" ? [...Buffer.from(match[3]!, "base64")] : qBytes(match[3]!);
    const adjacent = last !== 0 && /^\s*$/.test(between);
    if (pending && adjacent && pending.charset === charset) {
      pending.bytes.push(...bytes);
    } else {
      flush();
      if (!adjacent) result += between;
      pending = { charset, bytes };
    }
    last = match.index + match[0].length;
  }
  flush();
  return result + value.slice(last);
}

function qBytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "_") bytes.push(0x20);
    else if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return bytes;
}

function decodeBytes(charset: string, bytes: number[]): string {
  try {
    return new TextDecoder(charset).decode(Uint8Array.from(bytes));
  } catch {
    return Buffer.from(bytes).toString("latin1");
  }
}

import { Body, Container, Head, Html } from "@react-email/components";
import type { ReactNode } from "react";
import type { Theme } from "../document";

const FONT_STACKS = {
  sans: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  serif: "Georgia, 'Times New Roman', Times, serif",
} as const;

/** Email width in px: the de-facto standard that every client displays without scaling. */
export const EMAIL_WIDTH = 600;

/*
 * Embedded (not external) CSS, for what inline styles cannot say: the mobile breakpoint
 * (device-only blocks, stacked columns) and dark-mode colours. Clients that drop <style> still get
 * a readable light email from the inline styles.
 */
function emailCss(theme: Theme): string {
  return [
    ":root{color-scheme:light dark;supported-color-schemes:light dark}",
    `@media only screen and (max-width:${EMAIL_WIDTH + 20}px){`,
    ".tl-desktop-only{display:none!important;max-height:0!important;overflow:hidden!important}",
    ".tl-mobile-only{display:table!important;max-height:none!important;overflow:visible!important}",
    ".tl-column{display:block!important;width:100%!important}",
    "}",
    "@media (prefers-color-scheme:dark){",
    ".tl-canvas{background-color:#0b0f19!important}",
    ".tl-content{background-color:#161b26!important}",
    ".tl-text,.tl-text p,.tl-text h1,.tl-text h2,.tl-text h3,.tl-text li{color:#e5e7eb!important}",
    `.tl-content a{color:${theme.linkColor === "#2563eb" ? "#93c5fd" : theme.linkColor}!important}`,
    "}",
  ].join("");
}

/** A fixed run of invisible characters after the preheader keeps clients from padding it with body text. */
const PREHEADER_PADDING = "\u034f\u200c\u00a0".repeat(60);

export function EmailLayout({ theme, title, preheader, children }: { theme: Theme; title: string; preheader: string; children: ReactNode }) {
  const font = FONT_STACKS[theme.fontFamily];
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{title}</title>
        <style>{emailCss(theme)}</style>
      </Head>
      <Body className="tl-canvas" style={{ margin: 0, padding: 0, backgroundColor: theme.backgroundColor, fontFamily: font }}>
        <div style={{ display: "none", overflow: "hidden", lineHeight: "1px", opacity: 0, maxHeight: 0, maxWidth: 0 }} data-skip-in-text="true">
          <span>{preheader}</span>
          {PREHEADER_PADDING}
        </div>
        <Container className="tl-content" width={EMAIL_WIDTH} style={{ maxWidth: EMAIL_WIDTH, width: "100%", backgroundColor: theme.contentBackgroundColor, color: theme.textColor, fontFamily: font }}>
          {children}
        </Container>
      </Body>
    </Html>
  );
}

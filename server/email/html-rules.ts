import type { ConfigData } from "html-validate";

/**
 * html-validate's recommended rules, relaxed only where email clients require what the web has
 * deprecated. Used by the starter tests; the designer can run the same check before sending.
 */
export const EMAIL_HTML_RULES: ConfigData = {
  extends: ["html-validate:recommended"],
  rules: {
    // react-email's XHTML 1.0 Transitional doctype: what Outlook's Word engine and old webmail render most predictably.
    "doctype-html": "off",
    // Inline styles are the only styling every client honours (Gmail drops <style> in some views).
    "no-inline-style": "off",
    // Table width/align/cellpadding/cellspacing/border are what Outlook's Word engine lays out by.
    "no-deprecated-attr": "off",
    // React writes cellPadding/cellSpacing in camelCase; attribute names are case-insensitive in HTML.
    "attr-case": "off",
    // react-email pads buttons for Outlook inside <!--[if mso]> comments.
    "no-conditional-comment": "off",
    // Not relaxed, only pointed at React's output style: void elements self-close (<img/>).
    "void-style": ["error", { style: "selfclose" }],
  },
};

/** Text with its Liquid tokens and tags set apart, as the canvas shows it (not the final HTML). */
export function LiquidText({ text }: { text: string }) {
  const parts = text.split(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="rounded bg-brand-50 px-0.5 font-mono text-[0.85em] text-brand-800 [overflow-wrap:anywhere]">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

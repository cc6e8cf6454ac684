import { Card, PageHeader } from "../ui/card";

/** An area whose feature has not been built yet: says so plainly, shows nothing fake. */
export function ComingSoon({ title, summary, coming }: { title: string; summary: string; coming: string[] }) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <Card title="Coming soon">
        <p className="text-sm text-slate-700">This area is not built yet. When it lands you will be able to:</p>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
          {coming.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </Card>
    </>
  );
}

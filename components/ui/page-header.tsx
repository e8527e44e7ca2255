/** A page's title and one line saying what the page is for. */
export function PageHeader({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-1 text-slate-700">{children}</p>
    </div>
  );
}

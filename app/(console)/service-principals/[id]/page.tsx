export const metadata = { title: "Service principal" };

export default async function ServicePrincipalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <div>
      <h1 className="text-2xl font-semibold">Service principal</h1>
      <p className="mt-2 font-mono text-sm text-slate-700" data-testid="service-principal-id">
        {id}
      </p>
    </div>
  );
}

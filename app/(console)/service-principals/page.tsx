export const metadata = { title: "Service principals" };

export default function ServicePrincipalsPage() {
  return (
    <div>
      <h1 className="text-2xl font-semibold">Service principals</h1>
    </div>
  );
}

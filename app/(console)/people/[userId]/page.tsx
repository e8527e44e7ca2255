import { notFound } from "next/navigation";
import { PersonTraceView } from "@/components/people/person-trace-view";
import { PageHeader } from "@/components/ui/page-header";
import { routeGuid, userId as userIdSchema } from "@/lib/validation/ids";

export const metadata = { title: "A person's provisioning" };

export default async function PersonPage({ params }: { params: Promise<{ userId: string }> }) {
  const person = routeGuid(userIdSchema, (await params).userId);
  // A malformed id never reaches Graph.
  if (!person) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title="A person's provisioning">
        Every app with a provisioning job this person is assigned to, directly or through a group, or that has provisioned them in the last 30 days.
      </PageHeader>
      <PersonTraceView userId={person} />
    </div>
  );
}

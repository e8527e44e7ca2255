"use client";

import { replaceUrl } from "@/components/ui/url-history";
import { UrlSearchBox } from "@/components/ui/url-search-box";
import { routes } from "@/lib/routes";

/** The people search; its text lives in the URL (`/people?q=`). */
export function PeopleSearchBox({ value }: { value: string }) {
  return (
    <UrlSearchBox
      value={value}
      label="Search people by the start of their name, user principal name or email, or paste an object id"
      placeholder="e.g. Megan"
      onSearch={(text) => replaceUrl(routes.people(text))}
      testId="people-search"
    />
  );
}

"use client";

import { usePathname, useRouter } from "next/navigation";
import { UrlSearchBox } from "@/components/ui/url-search-box";

/** Search by display name; the text lives in the URL (`?q=`). */
export function SearchBox({ value }: { value: string }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <UrlSearchBox
      value={value}
      label="Search by display name"
      placeholder="e.g. Salesforce"
      onSearch={(text) => router.replace(text ? `${pathname}?q=${encodeURIComponent(text)}` : pathname, { scroll: false })}
    />
  );
}

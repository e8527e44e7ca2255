"use client";

import { usePathname } from "next/navigation";
import { replaceUrl } from "@/components/ui/url-history";
import { UrlSearchBox } from "@/components/ui/url-search-box";

/** Search by display name; the text lives in the URL (`?q=`). */
export function SearchBox({ value }: { value: string }) {
  const pathname = usePathname();
  return (
    <UrlSearchBox
      value={value}
      label="Search by display name"
      placeholder="e.g. Salesforce"
      onSearch={(text) => replaceUrl(text ? `${pathname}?q=${encodeURIComponent(text)}` : pathname)}
    />
  );
}

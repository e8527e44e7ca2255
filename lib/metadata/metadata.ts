/** Graph's `metadata` lists of key/value pairs (templates, rules): keys are plain strings, spelled differently by version. */
export type MetadataList = readonly ({ key?: string | null; value?: string | null } | null)[] | null | undefined;

/** A metadata value by key, case-insensitively: beta spells it `configurationFields`, v1.0 `ConfigurationFields`. */
export function metadataValue(metadata: MetadataList, key: string): string | undefined {
  const entry = (metadata ?? []).find((item) => typeof item?.key === "string" && item.key.toLowerCase() === key.toLowerCase());
  return typeof entry?.value === "string" ? entry.value : undefined;
}

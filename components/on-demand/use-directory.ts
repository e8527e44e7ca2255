"use client";

import { useQuery } from "@tanstack/react-query";
import { useGraph } from "@/components/graph/use-graph";
import { groupUserMembers, searchGroups, searchUsers, type DirectoryGroup, type DirectoryUser } from "@/lib/graph/directory-search";
import { queryKeys } from "@/lib/query/keys";

/** Reads of Entra users and groups for provision on demand, with the permission to search them ("directory"). */

const SEARCHES = { users: searchUsers, groups: searchGroups };
type Found = { users: DirectoryUser; groups: DirectoryGroup };

export function useDirectorySearch<Kind extends "users" | "groups">(kind: Kind, text: string) {
  const graph = useGraph("directory");
  const search = text.trim();
  return useQuery({
    queryKey: queryKeys.directorySearch(kind, search),
    enabled: search.length > 0,
    staleTime: 60_000,
    retry: false,
    queryFn: ({ signal }) => SEARCHES[kind](graph, search, signal) as Promise<Found[Kind][]>,
  });
}

export function useGroupMembers(groupId: string | null) {
  const graph = useGraph("directory");
  return useQuery({
    queryKey: queryKeys.groupMembers(groupId ?? ""),
    enabled: groupId !== null,
    staleTime: 60_000,
    retry: false,
    queryFn: ({ signal }) => groupUserMembers(graph, groupId!, signal),
  });
}

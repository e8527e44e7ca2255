import { hashGuid } from "../engine/random";

/** One account in a target app, as the app holds it: its own id, its attributes, and the Entra object it came from. */
export interface TargetAccount {
  id: string;
  objectType: string;
  attributes: Record<string, string | null>;
  /** The Entra object id this account was provisioned from (the provisioning service's anchor). */
  sourceId: string;
}

/**
 * The accounts of one job's target app (in memory; the connector for gallery apps). Matching compares a
 * string attribute case-insensitively, as SCIM `eq` filters on userName do.
 */
export class TargetDirectory {
  private readonly accounts = new Map<string, TargetAccount>();
  private created = 0;

  constructor(private readonly name: string) {}

  all(objectType?: string): TargetAccount[] {
    const accounts = [...this.accounts.values()];
    return objectType ? accounts.filter((account) => account.objectType === objectType) : accounts;
  }

  find(objectType: string, attribute: string, value: string): TargetAccount | undefined {
    const wanted = value.toLowerCase();
    return this.all(objectType).find((account) => account.attributes[attribute]?.toLowerCase() === wanted);
  }

  bySource(sourceId: string): TargetAccount | undefined {
    return [...this.accounts.values()].find((account) => account.sourceId === sourceId);
  }

  create(objectType: string, attributes: Record<string, string | null>, sourceId: string): TargetAccount {
    const account = { id: hashGuid(`target:${this.name}:${sourceId}:${this.created++}`), objectType, attributes: { ...attributes }, sourceId };
    this.accounts.set(account.id, account);
    return account;
  }

  update(id: string, attributes: Record<string, string | null>): void {
    const account = this.accounts.get(id);
    if (account) account.attributes = { ...account.attributes, ...attributes };
  }

  delete(id: string): void {
    this.accounts.delete(id);
  }

  clear(): void {
    this.accounts.clear();
  }

  /** Keeps an account under the id its app gave it (a connector's data store of what it provisioned). */
  put(account: TargetAccount): void {
    this.accounts.set(account.id, { ...account, attributes: { ...account.attributes } });
  }
}

/** What the engine's sync of one object reads and writes (the in-memory directory, or a connector's plan of it). */
export type TargetView = Pick<TargetDirectory, "all" | "find" | "bySource" | "create" | "update" | "delete">;

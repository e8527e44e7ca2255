export type CopyOutcome = "copied" | "failed";

export const COPY_MESSAGES: Record<CopyOutcome | "idle", string> = {
  idle: "",
  copied: "Copied",
  failed: "Couldn't copy. Select the text and copy it with your keyboard.",
};

/** Copies with the async Clipboard API; a missing API (insecure context) or a refusal is "failed", never a throw. */
export async function copyText(text: string, clipboard: Pick<Clipboard, "writeText"> | null | undefined): Promise<CopyOutcome> {
  if (typeof clipboard?.writeText !== "function") return "failed";
  try {
    await clipboard.writeText(text);
    return "copied";
  } catch {
    return "failed";
  }
}

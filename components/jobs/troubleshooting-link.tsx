/** External help from Graph; `url` is already limited to http(s) by `toJobCard`. */
export function TroubleshootingLink({ url, className = "" }: { url: string; className?: string }) {
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className={`font-medium underline underline-offset-2 ${className}`}>
      Troubleshooting steps <span className="text-xs font-normal">(opens in new tab)</span>
    </a>
  );
}

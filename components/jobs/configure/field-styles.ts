/** The Configure form's input look (≥ 3:1 borders, a visible disabled state). */
export const inputClass =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm shadow-sm aria-[invalid=true]:border-red-700 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-700";
export const helpClass = "text-xs text-slate-700";
export const errorClass = "text-sm font-medium text-red-800";

/** The ids an input is described by: its help, and its error when it has one. */
export const describedBy = (helpId: string, errorId: string, error: string | undefined) => (error ? `${helpId} ${errorId}` : helpId);

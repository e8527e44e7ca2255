/**
 * An OData string literal whose opening quote is at `start`: its value (`''` stands for one quote) and the
 * index after its closing quote; null when it never closes.
 */
export function readStringLiteral(input: string, start: number): { value: string; end: number } | null {
  let value = "";
  let i = start + 1;
  for (;;) {
    if (i >= input.length) return null;
    if (input[i] === "'") {
      if (input[i + 1] !== "'") return { value, end: i + 1 };
      value += "'";
      i += 2;
      continue;
    }
    value += input[i++];
  }
}

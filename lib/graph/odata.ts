/** An OData string literal: quoted, with each `'` doubled, so no value can end the literal and add a clause. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

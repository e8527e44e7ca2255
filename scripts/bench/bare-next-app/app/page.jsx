/** No client component and no CSS: only what Next.js itself ships (React, its router, hydration). */
export default function Page() {
  return (
    <main>
      <h1>Bare Next.js page</h1>
      <p>The same framework as the console, without any of the console&apos;s code.</p>
    </main>
  );
}

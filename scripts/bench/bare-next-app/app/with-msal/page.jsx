import { StartMsal } from "./start-msal";

/** The bare page plus what any MSAL sign-in page does on load: MSAL's code, initialize() and the redirect check. */
export default function Page() {
  return (
    <main>
      <h1>Bare Next.js page with MSAL</h1>
      <StartMsal />
    </main>
  );
}

export const metadata = { title: "Bare Next.js page", description: "The least an App Router page ships: Lighthouse's floor on this machine." };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

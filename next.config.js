/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server actions receive the Graph token as an argument; `next dev` would print it with every call.
  logging: { serverFunctions: false },
};

module.exports = nextConfig;

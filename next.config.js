// kuromoji reads its dictionary from disk with __dirname-relative paths, which bundling breaks;
// keeping it (and the native SQLite/PostgreSQL drivers) external leaves them as plain requires.
/** @type {import('next').NextConfig} */
module.exports = {
  serverExternalPackages: ['kuromoji', 'better-sqlite3', 'pg'],
  poweredByHeader: false,
};

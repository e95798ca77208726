/** What a command prints once when it created the bootstrap admin (SPEC §10.1, §10.2). */
export function printBootstrap(b: {
  email: string;
  token: string;
  tokenGenerated: boolean;
  password: string;
  passwordGenerated: boolean;
}): void {
  console.log(`Created the admin user ${b.email}.`);
  if (b.tokenGenerated) console.log(`  Admin API token (shown once): ${b.token}`);
  if (b.passwordGenerated) console.log(`  Admin password (shown once): ${b.password}`);
}

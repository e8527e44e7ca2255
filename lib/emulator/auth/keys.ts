import { exportJWK, generateKeyPair, type JWK, type CryptoKey } from "jose";

/** One RS256 signing key per emulator process; published at `/{tenant}/discovery/v2.0/keys`. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

let keyPromise: Promise<SigningKey> | undefined;

export function signingKey(): Promise<SigningKey> {
  keyPromise ??= (async () => {
    const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
    const kid = `emulator-${Date.now().toString(36)}`;
    const publicJwk = { ...(await exportJWK(publicKey)), kid, use: "sig", alg: "RS256" };
    return { kid, privateKey, publicKey, publicJwk };
  })();
  return keyPromise;
}

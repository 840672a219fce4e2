package io.sluice.server.pg;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802/7677, as PostgreSQL uses it without channel binding):
 * {@link #serverFirst} answers the client-first message, {@link #verifyClientFinal} checks the client's proof and
 * returns the server-final message, or null when the password was wrong.
 */
final class ScramSha256 {
    static final String MECHANISM = "SCRAM-SHA-256";
    private static final int ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String password;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String gs2Header;
    private byte[] salt;

    ScramSha256(String password) {
        this.password = password;
    }

    /** Parses {@code n,,n=user,r=nonce} and returns {@code r=nonce+server,s=salt,i=4096}. */
    String serverFirst(String clientFirst) {
        if (!clientFirst.startsWith("n,") && !clientFirst.startsWith("y,")) {
            throw new PgProtocolException("28000", "SCRAM channel binding is not supported");
        }
        int bareStart = clientFirst.indexOf(',', 2);
        if (bareStart < 0) {
            throw new PgProtocolException("08P01", "malformed SCRAM client-first message");
        }
        gs2Header = clientFirst.substring(0, bareStart + 1);
        clientFirstBare = clientFirst.substring(bareStart + 1);
        String clientNonce = attributes(clientFirstBare).get('r');
        if (clientNonce == null || clientNonce.isEmpty()) {
            throw new PgProtocolException("08P01", "SCRAM client-first message has no nonce");
        }
        byte[] serverNonce = new byte[18];
        RANDOM.nextBytes(serverNonce);
        nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
        salt = new byte[16];
        RANDOM.nextBytes(salt);
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
        return serverFirst;
    }

    /** Checks {@code c=...,r=...,p=proof}; returns {@code v=signature} when the proof is right, else null. */
    String verifyClientFinal(String clientFinal) {
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new PgProtocolException("08P01", "SCRAM client-final message has no proof");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        Map<Character, String> attrs = attributes(clientFinal);
        String expectedBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!nonce.equals(attrs.get('r')) || !expectedBinding.equals(attrs.get('c'))) {
            return null;
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(attrs.get('p'));
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            byte[] saltedPassword = saltedPassword(password, salt);
            byte[] clientKey = hmac(saltedPassword, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
            byte[] clientSignature = hmac(storedKey, authMessage);
            if (proof.length != clientSignature.length) {
                return null;
            }
            byte[] recoveredKey = new byte[proof.length];
            for (int i = 0; i < proof.length; i++) {
                recoveredKey[i] = (byte) (proof[i] ^ clientSignature[i]);
            }
            if (!MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(recoveredKey), storedKey)) {
                return null;
            }
            byte[] serverKey = hmac(saltedPassword, "Server Key");
            return "v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SCRAM-SHA-256 needs HmacSHA256 and PBKDF2WithHmacSHA256", e);
        }
    }

    private static byte[] saltedPassword(String password, byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Character, String> attributes(String message) {
        Map<Character, String> attrs = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                attrs.put(part.charAt(0), part.substring(2));
            }
        }
        return attrs;
    }
}

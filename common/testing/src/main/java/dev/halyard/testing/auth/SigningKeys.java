package dev.halyard.testing.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RS256 key pair of a local run or a test JVM: generated on first use and kept as PEM files, never committed.
 * The user service signs with the private key; every service verifies with the public key.
 */
public final class SigningKeys {

    private static final String PRIVATE_TYPE = "PRIVATE KEY";
    private static final String PUBLIC_TYPE = "PUBLIC KEY";

    private final Path privateKeyFile;
    private final Path publicKeyFile;
    private final KeyPair keyPair;

    private SigningKeys(Path privateKeyFile, Path publicKeyFile, KeyPair keyPair) {
        this.privateKeyFile = privateKeyFile;
        this.publicKeyFile = publicKeyFile;
        this.keyPair = keyPair;
    }

    /** Loads the pair from {@code directory}, generating and writing it there first if it is not there. */
    public static SigningKeys in(Path directory) {
        Path privateFile = directory.resolve("jwt-signing-key.pem");
        Path publicFile = directory.resolve("jwt-verify-key.pem");
        try {
            if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey priv = rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile)));
                PublicKey pub = rsa.generatePublic(new X509EncodedKeySpec(readPem(publicFile)));
                return new SigningKeys(privateFile, publicFile, new KeyPair(pub, priv));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            writePem(privateFile, PRIVATE_TYPE, pair.getPrivate().getEncoded());
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            writePem(publicFile, PUBLIC_TYPE, pair.getPublic().getEncoded());
            return new SigningKeys(privateFile, publicFile, pair);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA keys unavailable", e);
        }
    }

    /** A fresh pair that no service trusts, for forged-token tests. */
    public static KeyPair untrusted() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static byte[] readPem(Path file) throws IOException {
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}

package org.pssr.crappify.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** Hex digests, as manifests, bioimage.io packages and downloads record them. */
public final class Checksums {

	private Checksums() {}

	public static String sha256(final byte[] bytes) {
		return hex(digest("SHA-256").digest(bytes));
	}

	public static String sha256(final Path file) throws IOException {
		final MessageDigest digest = digest("SHA-256");
		final byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
		}
		return hex(digest.digest());
	}

	/** @param algorithm one every Java platform has (SHA-1, SHA-256) */
	public static MessageDigest digest(final String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has " + algorithm, e);
		}
	}

	/** Lower-case hex, two digits per byte. */
	public static String hex(final byte[] bytes) {
		final StringBuilder s = new StringBuilder(bytes.length * 2);
		for (final byte b : bytes) {
			s.append(String.format(Locale.ROOT, "%02x", b));
		}
		return s.toString();
	}
}

package org.pssr.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.pssr.crappify.Provenance;
import org.pssr.crappify.io.Checksums;

/**
 * What a part of a super-resolved movie records of the model and the movie it came from, so parts
 * of different runs are never joined: the SHA-256 of the content, or, for files too large to hash
 * in every array task, their path, size and modification time. A folder (a SavedModel) is hashed
 * over the names and bytes of all its files.
 */
public final class FileIdentity {

	/** Above this many bytes a file is known by path, size and modification time. */
	public static final long HASH_LIMIT = 1L << 30;

	/** Absolute path when it was recorded. */
	String file;
	String sha256;
	long bytes;
	/** Milliseconds since the epoch; only recorded when there is no {@link #sha256}. */
	Long modified;

	public static FileIdentity of(final Path path) throws IOException {
		final FileIdentity id = new FileIdentity();
		id.file = path.toAbsolutePath().normalize().toString();
		if (Files.isDirectory(path)) {
			final List<Path> files;
			try (Stream<Path> walk = Files.walk(path)) {
				files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
			}
			final MessageDigest sha = Checksums.digest("SHA-256");
			for (final Path f : files) {
				sha.update(path.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				try (InputStream in = Files.newInputStream(f)) {
					final byte[] buffer = new byte[1 << 16];
					for (int n; (n = in.read(buffer)) > 0;)
						sha.update(buffer, 0, n);
				}
				id.bytes += Files.size(f);
			}
			id.sha256 = Checksums.hex(sha.digest());
			return id;
		}
		id.bytes = Files.size(path);
		if (id.bytes <= HASH_LIMIT) id.sha256 = Checksums.sha256(path);
		else id.modified = Files.getLastModifiedTime(path).toMillis();
		return id;
	}

	/** As provenance records a file: its name and hash, else its size and time. */
	public String describe() {
		return Provenance.describe(Paths.get(file).getFileName().toString(), bytes, sha256,
			modified == null ? 0 : modified);
	}

	/** Whether both name the same content (by hash, else by path, size and time). */
	public boolean sameAs(final FileIdentity other) {
		if (sha256 != null || other.sha256 != null) return Objects.equals(sha256, other.sha256);
		return Objects.equals(file, other.file) && bytes == other.bytes && Objects.equals(modified,
			other.modified);
	}

	public String file() {
		return file;
	}

	/** For messages: the file and the start of its hash (or its size and time). */
	@Override
	public String toString() {
		return Path.of(file).getFileName() + (sha256 != null ? " (sha256 " + sha256.substring(0, 12) +
			"...)" : " (" + bytes + " bytes, modified " + java.time.Instant.ofEpochMilli(modified) + ")");
	}
}

package org.pssr.crappify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.pssr.crappify.io.Checksums;

/**
 * How an output was made, as "key: value" lines under a header: the text a super-resolved TIFF
 * carries in ImageJ's Info property (Image > Show Info) and {@code pssr info} prints. Files are
 * named with their SHA-256, or with size and modification time beyond {@link #HASH_LIMIT}, where
 * hashing would cost more than the work it describes.
 */
public final class Provenance {

	public static final String HEADER = "PSSR provenance";
	/** Inputs larger than this (1 GiB) are identified by size and modification time. */
	public static final long HASH_LIMIT = 1L << 30;

	private final Map<String, String> entries = new LinkedHashMap<>();

	private Provenance() {}

	/** Begins a record of {@code command}: the software, its version and the time. */
	public static Provenance of(final String command) {
		return new Provenance().with("command", command).with("pssr-fiji", version()).with("java",
			System.getProperty("java.version")).with("created", created());
	}

	/**
	 * Begins a record of {@code command} without the time and the Java version: for outputs that are
	 * the same bytes whenever they are made with the same settings (a synthetic movie for a seed).
	 */
	public static Provenance reproducible(final String command) {
		return new Provenance().with("command", command).with("pssr-fiji", version());
	}

	/** This build's version; "development" when not run from a released jar. */
	public static String version() {
		final String v = Provenance.class.getPackage().getImplementationVersion();
		return v == null ? "development" : v;
	}

	/** Now, to the second, in UTC. */
	public static String created() {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
	}

	public Provenance with(final String key, final Object value) {
		if (key.contains(":") || key.contains("\n")) throw new IllegalArgumentException(
			"not a provenance key: " + key);
		entries.put(key, String.valueOf(value).replace('\n', ' '));
		return this;
	}

	/** Records {@code file} under {@code key}, by name and content hash (or size and time). */
	public Provenance withFile(final String key, final Path file) throws IOException {
		return with(key, describe(file));
	}

	/** A file by name and SHA-256, or by name, size and modification time when very large. */
	public static String describe(final Path file) throws IOException {
		final long size = Files.size(file);
		if (size > HASH_LIMIT) return describe(file.getFileName().toString(), size, null, Files
			.getLastModifiedTime(file).toMillis());
		return describe(file.getFileName().toString(), size, Checksums.sha256(file), 0);
	}

	/**
	 * A file already identified: by its SHA-256, or when that is null by its size and modification
	 * time (milliseconds since the epoch).
	 */
	public static String describe(final String name, final long size, final String sha256,
		final long modified)
	{
		if (sha256 != null) return name + " (sha256 " + sha256 + ")";
		return name + " (" + size + " bytes, modified " + Instant.ofEpochMilli(modified).truncatedTo(
			ChronoUnit.SECONDS) + ")";
	}

	public Map<String, String> entries() {
		return Collections.unmodifiableMap(entries);
	}

	public String text() {
		final StringBuilder s = new StringBuilder(HEADER).append('\n');
		for (final Map.Entry<String, String> e : entries.entrySet())
			s.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
		return s.toString();
	}

	/** The record in {@code text} (an Info property), if it holds one. */
	public static Optional<Provenance> parse(final String text) {
		if (text == null || !text.startsWith(HEADER + "\n")) return Optional.empty();
		final Provenance p = new Provenance();
		for (final String line : text.substring(HEADER.length() + 1).split("\n")) {
			final int colon = line.indexOf(": ");
			if (colon > 0) p.entries.put(line.substring(0, colon), line.substring(colon + 2));
		}
		return Optional.of(p);
	}
}

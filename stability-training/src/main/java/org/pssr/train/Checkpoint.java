package org.pssr.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;

import com.google.gson.JsonParseException;

import org.pssr.crappify.io.Checksums;
import org.pssr.crappify.io.StagedOutput;

/**
 * A training state file ({@code last.ckpt}, {@code best.ckpt}), and the one codec of the
 * {@link TrainingSnapshot} it holds: the snapshot as a JSON header, the network's tensors and
 * Adam's moments, then the SHA-256 of all of it, so a damaged file is refused instead of training
 * on garbage. Taken at epoch boundaries, or within an epoch when the run is preempted; the rest of
 * the state (batch order, noise draws, learning rate) follows from seed, epoch and position. Staged
 * and moved into place ({@link StagedOutput}), so a killed run never leaves a torn one.
 */
final class Checkpoint {

	private static final int MAGIC = 0x50535343; // "PSSC"
	/** Version 3 adds the position within an epoch; version 2 files (epoch boundaries) still resume. */
	private static final int VERSION = 3;
	private static final int OLDEST_READABLE = 2;
	private static final int DIGEST = 32;

	private Checkpoint() {}

	static void write(final Path file, final TrainingSnapshot snapshot, final Network net,
		final Adam adam) throws IOException
	{
		try (StagedOutput staged = StagedOutput.file(file)) {
			final MessageDigest sha = Checksums.digest("SHA-256");
			try (OutputStream os = Files.newOutputStream(staged.path()); BufferedOutputStream buffered =
				new BufferedOutputStream(os, 1 << 16))
			{
				final DataOutputStream out = new DataOutputStream(new DigestOutputStream(buffered, sha));
				out.writeInt(MAGIC);
				out.writeInt(VERSION);
				final byte[] json = encode(snapshot);
				out.writeInt(json.length);
				out.write(json);
				net.weights().write(out);
				adam.write(out);
				out.flush();
				buffered.write(sha.digest());
			}
			staged.commit();
		}
	}

	/**
	 * The snapshot of a sound checkpoint.
	 *
	 * @throws IllegalArgumentException for a file that is no checkpoint, of another version, or
	 *           damaged (its checksum does not match)
	 */
	static TrainingSnapshot snapshot(final Path file) throws IOException {
		verify(file);
		try (DataInputStream in = open(file)) {
			return readSnapshot(in, file);
		}
	}

	/** Loads the tensors of a sound {@code file} into {@code net} and {@code adam}, which must fit them. */
	static void restore(final Path file, final Network net, final Adam adam) throws IOException {
		verify(file);
		try (DataInputStream in = open(file)) {
			readSnapshot(in, file);
			net.weights().read(in);
			adam.read(in);
		}
		catch (final EOFException e) {
			throw new IllegalArgumentException(file + " is cut short (truncated checkpoint)", e);
		}
		catch (final Weights.Damaged e) {
			throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
		}
	}

	/** Recomputes the SHA-256 over everything but the last 32 bytes and compares. */
	private static void verify(final Path file) throws IOException {
		final long size = Files.size(file);
		if (size < 12 + DIGEST) throw new IllegalArgumentException(file +
			" is too short for a PSSR training checkpoint");
		final MessageDigest sha = Checksums.digest("SHA-256");
		final byte[] stored = new byte[DIGEST];
		try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			final DigestInputStream body = new DigestInputStream(new Limited(raw, size - DIGEST), sha);
			body.transferTo(OutputStream.nullOutputStream());
			if (raw.readNBytes(stored, 0, DIGEST) != DIGEST) throw new IllegalArgumentException(file +
				" is cut short (truncated checkpoint)");
		}
		if (!Arrays.equals(stored, sha.digest())) throw new IllegalArgumentException(file +
			" is damaged (its checksum does not match); resume from another checkpoint or start again");
	}

	private static DataInputStream open(final Path file) throws IOException {
		return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
	}

	private static TrainingSnapshot readSnapshot(final DataInputStream in, final Path file)
		throws IOException
	{
		if (in.readInt() != MAGIC) throw new IllegalArgumentException(file +
			" is not a PSSR training checkpoint");
		final int version = in.readInt();
		if (version < OLDEST_READABLE || version > VERSION) throw new IllegalArgumentException(file +
			" is a version " + version + " checkpoint; this build resumes versions " + OLDEST_READABLE +
			" to " + VERSION + " (start the training again)");
		final byte[] json = new byte[in.readInt()];
		in.readFully(json);
		return decode(json, file);
	}

	/** The header's JSON: the snapshot's fields by name, UTF-8. */
	static byte[] encode(final TrainingSnapshot snapshot) {
		return TrainingJson.GSON.toJson(snapshot).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The snapshot in a header of any readable version: the keys a version 2 header lacks (the
	 * position within an epoch and its losses) read as 0, an epoch boundary.
	 *
	 * @param file named in the refusal of a header that is not valid
	 */
	static TrainingSnapshot decode(final byte[] json, final Path file) {
		try {
			return TrainingJson.GSON.fromJson(new String(json, StandardCharsets.UTF_8),
				TrainingSnapshot.class);
		}
		catch (final JsonParseException e) {
			throw new IllegalArgumentException(file + ": the checkpoint's header is not valid: " + e
				.getMessage(), e);
		}
	}

	/** The first {@code limit} bytes of a stream. */
	private static final class Limited extends FilterInputStream {

		private long left;

		Limited(final InputStream in, final long limit) {
			super(in);
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			if (left <= 0) return -1;
			final int b = super.read();
			if (b >= 0) left--;
			return b;
		}

		@Override
		public int read(final byte[] b, final int off, final int len) throws IOException {
			if (left <= 0) return -1;
			final int n = super.read(b, off, (int) Math.min(len, left));
			if (n > 0) left -= n;
			return n;
		}
	}
}

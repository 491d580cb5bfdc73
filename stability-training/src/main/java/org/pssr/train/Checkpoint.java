package org.pssr.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A training state file ({@code last.ckpt}, {@code best.ckpt}): a JSON header (architecture,
 * options, epoch, history), the network's tensors and Adam's moments. Taken at epoch boundaries,
 * where the rest of the state (batch order, noise draws, learning rate) follows from seed and
 * epoch. Written to a temporary file and moved into place, so a killed run never leaves a torn one.
 */
final class Checkpoint {

	private static final int MAGIC = 0x50535343; // "PSSC"
	private static final int VERSION = 1;

	private Checkpoint() {}

	static void write(final Path file, final JsonObject header, final UNet net, final Adam adam)
		throws IOException
	{
		final Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		final Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
		try {
			try (OutputStream os = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(
				new BufferedOutputStream(os, 1 << 16)))
			{
				out.writeInt(MAGIC);
				out.writeInt(VERSION);
				final byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
				out.writeInt(json.length);
				out.write(json);
				net.weights().write(out);
				adam.write(out);
			}
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	static JsonObject header(final Path file) throws IOException {
		try (DataInputStream in = open(file)) {
			return readHeader(in, file);
		}
	}

	/** Loads the tensors of {@code file} into {@code net} and {@code adam}, which must fit them. */
	static void restore(final Path file, final UNet net, final Adam adam) throws IOException {
		try (DataInputStream in = open(file)) {
			readHeader(in, file);
			net.weights().read(in);
			adam.read(in);
		}
	}

	private static DataInputStream open(final Path file) throws IOException {
		final InputStream is = Files.newInputStream(file);
		return new DataInputStream(new BufferedInputStream(is, 1 << 16));
	}

	private static JsonObject readHeader(final DataInputStream in, final Path file) throws IOException {
		if (in.readInt() != MAGIC) throw new IllegalArgumentException(file +
			" is not a PSSR training checkpoint");
		final int version = in.readInt();
		if (version != VERSION) throw new IllegalArgumentException(file + " is a version " + version +
			" checkpoint; this build reads version " + VERSION);
		final byte[] json = new byte[in.readInt()];
		in.readFully(json);
		return JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
	}
}

package org.pssr.crappify.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A PNG's text chunks ({@code tEXt}, PNG specification 11.3.4): what marks a figure or plot as
 * pssr's ({@code Software: pssr-fiji ...}), so that a later run knows it may replace it and a file
 * of someone else's is never replaced.
 */
public final class PngText {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	/** Chunks before the image data; text after it is allowed, but pssr never looks that far. */
	private static final int HEAD = 64 * 1024;

	private PngText() {}

	/**
	 * Adds a {@code tEXt} chunk right after the header chunk of the PNG {@code png}, in place.
	 *
	 * @param keyword 1 to 79 Latin-1 characters
	 * @throws IOException when the file is not a PNG
	 */
	public static void add(final Path png, final String keyword, final String text) throws IOException {
		final byte[] bytes = Files.readAllBytes(png);
		if (!isPng(bytes) || bytes.length < 33) throw new IOException(png + " is not a PNG");
		// signature (8) and IHDR: length (4), type (4), 13 bytes of data, CRC (4)
		final int afterHeader = 8 + 4 + 4 + 13 + 4;
		final byte[] data = (keyword + '\0' + text).getBytes(StandardCharsets.ISO_8859_1);
		final ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
		chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
		final CRC32 crc = new CRC32();
		crc.update(chunk.array(), 4, 4 + data.length);
		chunk.putInt((int) crc.getValue());
		final ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + chunk.capacity());
		out.write(bytes, 0, afterHeader);
		out.write(chunk.array());
		out.write(bytes, afterHeader, bytes.length - afterHeader);
		Files.write(png, out.toByteArray());
	}

	/**
	 * The text of the first {@code tEXt} chunk named {@code keyword} before the image data; empty
	 * for a file that is not a PNG or has none.
	 */
	public static Optional<String> read(final Path png, final String keyword) throws IOException {
		final byte[] head;
		try (InputStream in = Files.newInputStream(png)) {
			head = in.readNBytes(HEAD);
		}
		if (!isPng(head)) return Optional.empty();
		final ByteBuffer b = ByteBuffer.wrap(head);
		b.position(SIGNATURE.length);
		while (b.remaining() >= 12) {
			final int length = b.getInt();
			final String type = new String(head, b.position(), 4, StandardCharsets.US_ASCII);
			b.position(b.position() + 4);
			if (length < 0 || length > b.remaining() - 4 || type.equals("IDAT")) return Optional.empty();
			if (type.equals("tEXt")) {
				final String chunk = new String(head, b.position(), length, StandardCharsets.ISO_8859_1);
				final int nul = chunk.indexOf('\0');
				if (nul > 0 && chunk.substring(0, nul).equals(keyword)) return Optional.of(chunk.substring(
					nul + 1));
			}
			b.position(b.position() + length + 4);
		}
		return Optional.empty();
	}

	private static boolean isPng(final byte[] bytes) {
		return bytes.length >= SIGNATURE.length && Arrays.equals(Arrays.copyOf(bytes, SIGNATURE.length),
			SIGNATURE);
	}
}

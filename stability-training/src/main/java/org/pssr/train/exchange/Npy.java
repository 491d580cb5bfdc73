package org.pssr.train.exchange;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (version 1.0) for little-endian float32 arrays in C order: the test
 * tensors of bioimage.io packages.
 */
public final class Npy {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };
	private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

	private Npy() {}

	/** A float32 array and its shape. */
	public static final class Array {

		public final long[] shape;
		public final float[] values;

		public Array(final long[] shape, final float[] values) {
			if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != values.length) {
				throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " +
					values.length + " values");
			}
			this.shape = shape.clone();
			this.values = values;
		}
	}

	public static void write(final Array a, final OutputStream out) throws IOException {
		final StringBuilder dims = new StringBuilder();
		for (final long d : a.shape) {
			dims.append(d).append(", ");
		}
		// NumPy's tuple syntax: "(3,)" for one axis, "(1, 2, 3)" for more
		if (a.shape.length > 0) dims.setLength(dims.length() - (a.shape.length == 1 ? 1 : 2));
		String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
		// magic, version, header length, header: a multiple of 64 bytes, ending in a newline
		final int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
		header += " ".repeat((64 - unpadded % 64) % 64) + "\n";
		final ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4).order(ByteOrder.LITTLE_ENDIAN);
		head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
		out.write(head.array());
		out.write(header.getBytes(StandardCharsets.US_ASCII));
		final ByteBuffer data = ByteBuffer.allocate(a.values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		data.asFloatBuffer().put(a.values);
		out.write(data.array());
	}

	public static Array read(final InputStream in) throws IOException {
		final DataInputStream d = new DataInputStream(in);
		final byte[] magic = new byte[MAGIC.length];
		d.readFully(magic);
		if (!Arrays.equals(magic, MAGIC)) throw new IOException("not a .npy file");
		final int major = d.readUnsignedByte();
		d.readUnsignedByte();
		final int length;
		if (major == 1) {
			length = Short.toUnsignedInt(Short.reverseBytes(d.readShort()));
		}
		else {
			length = Integer.reverseBytes(d.readInt());
		}
		final byte[] h = new byte[length];
		d.readFully(h);
		final String header = new String(h, StandardCharsets.US_ASCII);
		if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
			throw new IOException("only little-endian float32 arrays in C order are read, not " + header
				.trim());
		}
		final Matcher m = SHAPE.matcher(header);
		if (!m.find()) throw new IOException("no shape in .npy header " + header.trim());
		final long[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s
			.isEmpty()).mapToLong(Long::parseLong).toArray();
		final long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
		if (size > Integer.MAX_VALUE / 4) throw new IOException("array too large: " + size + " values");
		final byte[] raw = new byte[(int) size * 4];
		d.readFully(raw);
		final float[] values = new float[(int) size];
		ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		return new Array(shape, values);
	}
}

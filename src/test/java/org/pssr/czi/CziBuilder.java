package org.pssr.czi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small synthetic CZI files as §1 of czi-format.md lays them out, for tests. */
public final class CziBuilder {

	private static final int SUBBLOCK_FIXED = 256;

	private final int pixelType;
	private final List<Tile> tiles = new ArrayList<>();
	private String xml = "<ImageDocument><Metadata><Scaling><Items><Distance Id=\"X\"><Value>2e-7</Value></Distance>" +
		"<Distance Id=\"Y\"><Value>2e-7</Value></Distance></Items></Scaling><Information><Image><Dimensions>" +
		"<Channels><Channel Id=\"Channel:0\" Name=\"GFP\"/></Channels><T><Positions><Interval>" +
		"<Increment>1.5</Increment></Interval></Positions></T></Dimensions></Image></Information></Metadata></ImageDocument>";

	/** Offsets of the last {@link #bytes()}, for tests that corrupt one field. */
	long directoryPosition;
	long metadataPosition;
	final List<Long> subBlockPositions = new ArrayList<>();

	public CziBuilder(final int pixelType) {
		this.pixelType = pixelType;
	}

	private static final class Tile {

		final int compression;
		final byte[] data;
		final Map<Character, int[]> dims;

		Tile(final int compression, final byte[] data, final Map<Character, int[]> dims) {
			this.compression = compression;
			this.data = data;
			this.dims = dims;
		}
	}

	/** Adds a layer-0 tile; {@code letters} holds letter, start pairs such as {@code 'C', 1, 'T', 0}. */
	public CziBuilder tile(final int compression, final byte[] data, final int x, final int y,
		final int width, final int height, final int... letters)
	{
		final Map<Character, int[]> dims = new LinkedHashMap<>();
		dims.put('X', new int[] { x, width, width });
		dims.put('Y', new int[] { y, height, height });
		for (int i = 0; i < letters.length; i += 2)
			dims.put((char) letters[i], new int[] { letters[i + 1], 1, 1 });
		tiles.add(new Tile(compression, data, dims));
		return this;
	}

	CziBuilder xml(final String text) {
		xml = text;
		return this;
	}

	public byte[] bytes() {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		segment(out, "ZISRAWFILE", new byte[512]);
		subBlockPositions.clear();
		for (final Tile t : tiles) {
			subBlockPositions.add((long) out.size());
			final ByteBuffer p = buffer(SUBBLOCK_FIXED + t.data.length);
			p.putInt(0).putInt(0).putLong(t.data.length);
			entry(p, t, 0);
			p.position(SUBBLOCK_FIXED);
			p.put(t.data);
			segment(out, "ZISRAWSUBBLOCK", p.array());
		}
		directoryPosition = out.size();
		int size = 128;
		for (final Tile t : tiles)
			size += 32 + 20 * t.dims.size();
		final ByteBuffer dir = buffer(size);
		dir.putInt(tiles.size());
		dir.position(128);
		for (int i = 0; i < tiles.size(); i++)
			entry(dir, tiles.get(i), subBlockPositions.get(i));
		segment(out, "ZISRAWDIRECTORY", dir.array());
		metadataPosition = out.size();
		final byte[] text = xml.getBytes(StandardCharsets.UTF_8);
		final ByteBuffer meta = buffer(256 + text.length);
		meta.putInt(text.length);
		meta.position(256);
		meta.put(text);
		segment(out, "ZISRAWMETADATA", meta.array());
		final byte[] file = out.toByteArray();
		final ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
		header.putInt(32, 1);
		header.putLong(32 + 52, directoryPosition);
		header.putLong(32 + 60, metadataPosition);
		return file;
	}

	private void entry(final ByteBuffer b, final Tile t, final long position) {
		final int start = b.position();
		b.put((byte) 'D').put((byte) 'V').putInt(pixelType).putLong(position).putInt(0)
			.putInt(t.compression);
		b.position(start + 28);
		b.putInt(t.dims.size());
		for (final Map.Entry<Character, int[]> d : t.dims.entrySet()) {
			b.put((byte) (char) d.getKey()).put((byte) 0).put((byte) 0).put((byte) 0);
			b.putInt(d.getValue()[0]).putInt(d.getValue()[1]).putFloat(0).putInt(d.getValue()[2]);
		}
	}

	private static ByteBuffer buffer(final int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	private static void segment(final ByteArrayOutputStream out, final String id, final byte[] payload) {
		final int allocated = (payload.length + 31) / 32 * 32;
		final ByteBuffer h = buffer(32);
		h.put(id.getBytes(StandardCharsets.US_ASCII));
		h.position(16);
		h.putLong(allocated).putLong(payload.length);
		out.write(h.array(), 0, 32);
		out.write(payload, 0, payload.length);
		out.write(new byte[allocated - payload.length], 0, allocated - payload.length);
	}
}

package org.pssr.czi;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import net.imglib2.img.array.ArrayImg;

/**
 * A Zeiss CZI file opened for lazy plane reading. Opening reads the header, the subblock
 * directory, the XML metadata and the TimeStamps attachment; {@link #readPlane} reads only the
 * subblocks of the plane asked for. Planes may be read from several threads at once. When planes
 * are read one after the other along a letter, the next ones are decoded ahead on other cores
 * ({@link #readAhead(int)}).
 */
public final class CziFile implements Closeable {

	private static final int HEADER_PAYLOAD = 80;
	/** Canvases up to this many pixels are read even when their tiles leave most of them empty. */
	private static final long SPARSE_CANVAS_LIMIT = 1L << 26;
	private static final long MAX_EMPTY_FACTOR = 16;

	private final CziInput in;
	private final SubBlockReader subBlocks;
	private final List<CziScene> scenes;
	private final CziMetadata metadata;
	private final SortedSet<Integer> compressions = new TreeSet<>();
	private final ReadAhead readAhead = new ReadAhead(this::decodePlane);

	private CziFile(final CziInput in, final ZstdDecoder zstd) throws IOException {
		this.in = in;
		this.subBlocks = new SubBlockReader(in, zstd);
		final CziInput.Segment header = in.segment(0, "ZISRAWFILE", "file header (not a CZI file?)");
		if (header.size < HEADER_PAYLOAD)
			throw in.error("file header is only " + header.size + " bytes long");
		final ByteBuffer b = in.read(header.payload(), HEADER_PAYLOAD, "file header");
		final int major = b.getInt();
		if (major != 1) throw in.error("file format version " + major + " is not supported (only 1)");
		final long directory = b.getLong(52);
		final long xml = b.getLong(60);
		final long attachments = b.getLong(72);
		final List<SubBlockEntry> entries = SubBlockDirectory.read(in, directory);
		final TreeMap<Integer, List<SubBlockEntry>> byScene = new TreeMap<>();
		for (final SubBlockEntry e : entries) {
			compressions.add(e.compression);
			if (e.isLayer0()) byScene.computeIfAbsent(e.start('S'), s -> new ArrayList<>()).add(e);
		}
		if (byScene.isEmpty())
			throw in.error("the subblock directory has no full-resolution subblocks (" + entries.size() +
				" entries)");
		final List<CziScene> list = new ArrayList<>();
		for (final Map.Entry<Integer, List<SubBlockEntry>> s : byScene.entrySet())
			list.add(new CziScene(list.size(), s.getKey(), s.getValue(), in));
		this.scenes = Collections.unmodifiableList(list);
		this.metadata = CziMetadata.read(in, xml, attachments);
	}

	/**
	 * Opens a CZI file; every inconsistency found while opening is a {@link CziFormatException}.
	 * zstd planes decode with {@link ZstdDecoder#preferred()}.
	 */
	public static CziFile open(final Path path) throws IOException {
		final ZstdDecoder zstd = ZstdDecoder.preferred();
		return open(CziInput.open(path), zstd);
	}

	static CziFile open(final CziInput in) throws IOException {
		return open(in, ZstdDecoder.preferred());
	}

	static CziFile open(final CziInput in, final ZstdDecoder zstd) throws IOException {
		try {
			return new CziFile(in, zstd);
		}
		catch (final IOException | RuntimeException e) {
			in.close();
			throw e;
		}
	}

	public String name() {
		return in.name();
	}

	public List<CziScene> scenes() {
		return scenes;
	}

	public CziScene scene(final int index) {
		if (index < 0 || index >= scenes.size())
			throw new IndexOutOfBoundsException("scene " + index + " does not exist; the file has " +
				scenes.size() + " scene" + (scenes.size() == 1 ? "" : "s") + " (0.." + (scenes.size() - 1) + ")");
		return scenes.get(index);
	}

	public CziMetadata metadata() {
		return metadata;
	}

	/** Compression codes of every subblock in the file, pyramid levels included. */
	public SortedSet<Integer> compressions() {
		return Collections.unmodifiableSortedSet(compressions);
	}

	/**
	 * Checks that every full-resolution subblock of a scene uses a codec this reader decodes, so a
	 * conversion can refuse a file before writing anything. Reads a few bytes of JPEG XR-flagged
	 * subblocks to recognise raw pixels flagged as JPEG XR.
	 */
	public void requireDecodable(final int scene) throws IOException {
		final CziScene s = scene(scene);
		for (final List<SubBlockEntry> plane : s.allPlanes())
			for (final SubBlockEntry e : plane)
				subBlocks.checkDecodable(e, s.pixelType());
	}

	/** Reads plane (c, z, t) of a scene; other letters at index 0. */
	public ArrayImg<?, ?> readPlane(final int scene, final int c, final int z, final int t)
		throws IOException
	{
		final Map<Character, Integer> position = new TreeMap<>();
		position.put('C', c);
		position.put('Z', z);
		position.put('T', t);
		return readPlane(scene, position);
	}

	/**
	 * Reads one plane in the pixel type of the file: UnsignedByte, UnsignedShort or Float, with a
	 * third dimension R, G, B for colour. Tiles are pasted in ascending M.
	 *
	 * @param position 0-based index per letter (see {@link CziScene}); absent letters are 0
	 * @throws CziFormatException for a plane the file does not have or cannot be decoded
	 */
	public ArrayImg<?, ?> readPlane(final int scene, final Map<Character, Integer> position)
		throws IOException
	{
		return readAhead.read(scene(scene), position);
	}

	/**
	 * How many planes are decoded ahead when planes are read one after the other along a letter
	 * (T, Z, ...); 0: none. The default is system property {@code pssr.czi.readahead}, else as many
	 * as cores up to four (none on one core), never more than an eighth of the heap holds.
	 *
	 * @return this file
	 */
	public CziFile readAhead(final int planes) {
		readAhead.setPlanes(planes);
		return this;
	}

	/** Planes decoded ahead ({@link #readAhead(int)}). */
	public int readAheadPlanes() {
		return readAhead.planes();
	}

	private ArrayImg<?, ?> decodePlane(final CziScene s, final Map<Character, Integer> position)
		throws IOException
	{
		final int scene = s.index();
		final List<SubBlockEntry> tiles = s.tiles(position);
		if (tiles.isEmpty())
			throw in.error("scene " + scene + " has no subblock for plane " + position +
				" (the file's plane grid is sparse)");
		if (!PlaneAssembler.fits(s.pixelType(), s.width(), s.height()))
			throw in.error("scene " + scene + " is " + s.width() + " x " + s.height() +
				" pixels, too large to read as one plane");
		final long area = s.width() * s.height();
		if (area > SPARSE_CANVAS_LIMIT && area / MAX_EMPTY_FACTOR > s.coverage())
			throw in.error("scene " + scene + ": tiles covering " + s.coverage() + " pixels span a " +
				s.width() + " x " + s.height() + " bounding box; the tile positions look corrupt");
		final PlaneAssembler plane = new PlaneAssembler(s.pixelType(), (int) s.width(),
			(int) s.height());
		for (final SubBlockEntry e : tiles)
			subBlocks.decodeInto(e, s.pixelType(), plane, e.start('X') - s.originX(), e.start('Y') - s
				.originY());
		return plane.image();
	}

	@Override
	public void close() throws IOException {
		readAhead.close();
		in.close();
	}
}

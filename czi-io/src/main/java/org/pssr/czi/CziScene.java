package org.pssr.czi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One scene (S) of a CZI: its layer-0 tiles grouped into planes. Plane indices are 0-based
 * offsets from the smallest start of each letter in this scene, so negative or shifted starts
 * read the same as any other file.
 */
public final class CziScene {

	private final int index;
	private final int sceneStart;
	private final long minX;
	private final long minY;
	private final long width;
	private final long height;
	private final CziPixelType pixelType;
	private final String letters;
	private final int[] starts;
	private final int[] sizes;
	private final Map<Long, List<SubBlockEntry>> planes;
	private final int tiles;
	private final long coverage;
	private final SortedSet<Integer> compressions = new TreeSet<>();

	CziScene(final int index, final int sceneStart, final List<SubBlockEntry> entries,
		final CziInput in) throws CziFormatException
	{
		this.index = index;
		this.sceneStart = sceneStart;
		this.tiles = entries.size();
		final SubBlockEntry firstEntry = entries.get(0);
		final CziPixelType type = CziPixelType.fromCode(firstEntry.pixelType);
		if (type == null)
			throw in.error("scene " + index + ": pixel type " +
				CziPixelType.describe(firstEntry.pixelType) + " is not supported by the built-in reader; " +
				"open the file in Fiji with Bio-Formats");
		this.pixelType = type;
		long x0 = Long.MAX_VALUE, y0 = Long.MAX_VALUE, x1 = Long.MIN_VALUE, y1 = Long.MIN_VALUE;
		final SortedSet<Character> letterSet = new TreeSet<>();
		for (final SubBlockEntry e : entries) {
			if (e.pixelType != firstEntry.pixelType)
				throw in.error("scene " + index + " mixes pixel types " +
					CziPixelType.describe(firstEntry.pixelType) + " and " + CziPixelType.describe(e.pixelType) +
					" (directory entry " + e.index + ")");
			x0 = Math.min(x0, e.start('X'));
			y0 = Math.min(y0, e.start('Y'));
			x1 = Math.max(x1, (long) e.start('X') + e.size('X'));
			y1 = Math.max(y1, (long) e.start('Y') + e.size('Y'));
			for (final char c : e.planeLetters().toCharArray())
				letterSet.add(c);
			compressions.add(e.compression);
		}
		this.minX = x0;
		this.minY = y0;
		this.width = x1 - x0;
		this.height = y1 - y0;
		final StringBuilder sb = new StringBuilder();
		letterSet.forEach(sb::append);
		this.letters = sb.toString();
		this.starts = new int[letters.length()];
		this.sizes = new int[letters.length()];
		long grid = 1;
		for (int l = 0; l < letters.length(); l++) {
			final char c = letters.charAt(l);
			long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
			for (final SubBlockEntry e : entries) {
				lo = Math.min(lo, e.start(c));
				hi = Math.max(hi, e.start(c));
			}
			final long size = hi - lo + 1;
			grid = size > Integer.MAX_VALUE ? Long.MAX_VALUE : grid * size;
			if (grid > Integer.MAX_VALUE)
				throw in.error("scene " + index + ": dimension " + c + " runs from " + lo + " to " + hi +
					", an absurd plane grid for " + entries.size() + " subblocks");
			starts[l] = (int) lo;
			sizes[l] = (int) size;
		}
		final Map<Long, List<SubBlockEntry>> byPlane = new HashMap<>();
		for (final SubBlockEntry e : entries)
			byPlane.computeIfAbsent(key(e), k -> new ArrayList<>()).add(e);
		for (final List<SubBlockEntry> tilesOfPlane : byPlane.values())
			tilesOfPlane.sort(Comparator.comparingInt((SubBlockEntry e) -> e.start('M'))
				.thenComparingInt(e -> e.index));
		this.planes = byPlane;
		long most = 0;
		for (final List<SubBlockEntry> tilesOfPlane : byPlane.values()) {
			long area = 0;
			for (final SubBlockEntry e : tilesOfPlane)
				area += (long) e.size('X') * e.size('Y');
			most = Math.max(most, area);
		}
		this.coverage = most;
	}

	private long key(final SubBlockEntry e) {
		long key = 0;
		for (int l = 0; l < letters.length(); l++)
			key = key * sizes[l] + (e.start(letters.charAt(l)) - starts[l]);
		return key;
	}

	private long key(final Map<Character, Integer> position) {
		final int[] indices = new int[letters.length()];
		for (final Map.Entry<Character, Integer> p : position.entrySet()) {
			final int l = letters.indexOf(Character.toUpperCase(p.getKey()));
			final int size = l < 0 ? 1 : sizes[l];
			if (p.getValue() < 0 || p.getValue() >= size)
				throw new IndexOutOfBoundsException("scene " + index + ": " + p.getKey() + " index " +
					p.getValue() + " is outside 0.." + (size - 1));
			if (l >= 0) indices[l] = p.getValue();
		}
		long key = 0;
		for (int l = 0; l < letters.length(); l++)
			key = key * sizes[l] + indices[l];
		return key;
	}

	/** This scene's number, 0 for the first; files without S have one scene 0. */
	public int index() {
		return index;
	}

	/** The S start of this scene's subblocks in the file. */
	public int sceneStart() {
		return sceneStart;
	}

	/** Left edge of the scene's layer-0 bounding box in the file's raw pixel coordinates. */
	public long originX() {
		return minX;
	}

	public long originY() {
		return minY;
	}

	public long width() {
		return width;
	}

	public long height() {
		return height;
	}

	public CziPixelType pixelType() {
		return pixelType;
	}

	/** The plane letters of this scene in alphabetical order (C, Z, T and others such as H or V). */
	public String letters() {
		return letters;
	}

	/** Number of planes along a letter; 1 for a letter the scene does not have. */
	public int size(final char letter) {
		final int l = letters.indexOf(Character.toUpperCase(letter));
		return l < 0 ? 1 : sizes[l];
	}

	/** The file's start value of plane index 0 along a letter. */
	public int start(final char letter) {
		final int l = letters.indexOf(Character.toUpperCase(letter));
		return l < 0 ? 0 : starts[l];
	}

	public int sizeC() {
		return size('C');
	}

	public int sizeZ() {
		return size('Z');
	}

	public int sizeT() {
		return size('T');
	}

	/** Layer-0 subblocks in this scene. */
	public int tileCount() {
		return tiles;
	}

	/** Planes that have at least one subblock; fewer than the grid when the file is sparse. */
	public int planeCount() {
		return planes.size();
	}

	/** The product of all letter sizes. */
	public long gridSize() {
		long n = 1;
		for (final int s : sizes)
			n *= s;
		return n;
	}

	/** The most pixels the tiles of any one plane cover, overlaps counted twice. */
	long coverage() {
		return coverage;
	}

	/** Compression codes of this scene's layer-0 subblocks. */
	public SortedSet<Integer> compressions() {
		return Collections.unmodifiableSortedSet(compressions);
	}

	/** Whether the plane at these 0-based indices (absent letters: 0) has any subblock. */
	public boolean hasPlane(final Map<Character, Integer> position) {
		return planes.containsKey(key(position));
	}

	/** The 0-based positions of the planes that have subblocks, in ascending order of the grid. */
	public List<Map<Character, Integer>> planes() {
		final List<Long> keys = new ArrayList<>(planes.keySet());
		Collections.sort(keys);
		final List<Map<Character, Integer>> positions = new ArrayList<>(keys.size());
		for (final long key : keys) {
			final Map<Character, Integer> position = new TreeMap<>();
			long rest = key;
			for (int l = letters.length() - 1; l >= 0; l--) {
				position.put(letters.charAt(l), (int) (rest % sizes[l]));
				rest /= sizes[l];
			}
			positions.add(Collections.unmodifiableMap(position));
		}
		return positions;
	}

	/** Tiles of a plane in ascending M; empty for a missing plane of a sparse grid. */
	List<SubBlockEntry> tiles(final Map<Character, Integer> position) {
		return planes.getOrDefault(key(position), Collections.emptyList());
	}

	Iterable<List<SubBlockEntry>> allPlanes() {
		return planes.values();
	}
}

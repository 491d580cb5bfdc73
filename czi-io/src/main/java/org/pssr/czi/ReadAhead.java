package org.pssr.czi;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import net.imglib2.img.array.ArrayImg;

/**
 * Decodes the next planes on other cores while the caller works on this one, for a file read
 * plane after plane along one letter (the frames of a movie along T or Z, a virtual stack scrolled
 * through). The caller still decodes a plane itself when no worker has started it, and decodes the
 * next ones while a worker finishes the plane it waits for, so a loop that only reads keeps every
 * core busy. At most {@link #planes()} planes are decoded ahead or held, fewer where they would
 * take more than an eighth of the heap; any read that does not follow the one before drops them.
 */
final class ReadAhead implements Closeable {

	/** System property: planes to decode ahead; 0 turns reading ahead off. */
	static final String PROPERTY = "pssr.czi.readahead";
	private static final int MAX_DEFAULT = 4;

	/** Decodes one plane in the calling thread. */
	@FunctionalInterface
	interface Decoder {

		ArrayImg<?, ?> decode(CziScene scene, Map<Character, Integer> position) throws IOException;
	}

	private final Decoder decoder;
	private final LinkedHashMap<Key, FutureTask<ArrayImg<?, ?>>> pending = new LinkedHashMap<>();
	private int planes;
	private ThreadPoolExecutor workers;
	private Key last;
	private boolean closed;

	ReadAhead(final Decoder decoder) {
		this.decoder = decoder;
		this.planes = defaultPlanes();
	}

	/**
	 * {@value #PROPERTY} when set, else as many planes as cores up to four; none on one core.
	 *
	 * @throws IllegalArgumentException when the property is not a count of planes
	 */
	static int defaultPlanes() {
		final String setting = System.getProperty(PROPERTY);
		if (setting == null) {
			final int cores = Runtime.getRuntime().availableProcessors();
			return cores < 2 ? 0 : Math.min(cores, MAX_DEFAULT);
		}
		try {
			final int n = Integer.parseInt(setting.trim());
			if (n >= 0) return n;
		}
		catch (final NumberFormatException e) {
			// refused below, with the property's name
		}
		throw new IllegalArgumentException("-D" + PROPERTY + "=" + setting +
			" is not a number of planes to decode ahead (0 or more; 0: none)");
	}

	synchronized int planes() {
		return planes;
	}

	/** Sets how many planes are decoded ahead from now on; 0 stops reading ahead. */
	synchronized void setPlanes(final int planes) {
		if (planes < 0) throw new IllegalArgumentException("planes to decode ahead must be 0 or more, not " +
			planes);
		this.planes = planes;
		if (planes == 0) dropPending();
	}

	ArrayImg<?, ?> read(final CziScene scene, final Map<Character, Integer> position)
		throws IOException
	{
		final Key key = new Key(scene, position);
		final FutureTask<ArrayImg<?, ?>> mine;
		final List<FutureTask<ArrayImg<?, ?>>> ahead;
		synchronized (this) {
			mine = pending.remove(key);
			final Character letter = last == null ? null : key.follows(last);
			if (letter == null) dropPending();
			last = key;
			if (letter != null && !closed) scheduleAfter(key, letter);
			ahead = new ArrayList<>(pending.values());
		}
		if (mine == null) return decoder.decode(scene, position);
		// decodes it here unless a worker has started it; then helps with the next ones meanwhile
		mine.run();
		for (final Iterator<FutureTask<ArrayImg<?, ?>>> it = ahead.iterator(); it.hasNext() && !mine
			.isDone();)
			it.next().run();
		return result(mine);
	}

	/** Queues the planes after {@code key} along {@code letter} that are not queued yet. */
	private void scheduleAfter(final Key key, final char letter) {
		final CziScene scene = key.scene;
		final long planeBytes = scene.width() * scene.height() * scene.pixelType().bytesPerPixel();
		final long fit = Runtime.getRuntime().maxMemory() / 8 / Math.max(1, planeBytes);
		final int n = (int) Math.min(planes, fit);
		for (int k = 1; k <= n; k++) {
			final Key next = key.plus(letter, k);
			if (next == null || !scene.hasPlane(next.position)) break;
			if (pending.containsKey(next)) continue;
			final FutureTask<ArrayImg<?, ?>> task = new FutureTask<>(() -> decoder.decode(scene,
				next.position));
			pending.put(next, task);
			workers().execute(task);
		}
	}

	private ThreadPoolExecutor workers() {
		if (workers == null) {
			final int threads = Math.max(1, Math.min(planes, Runtime.getRuntime().availableProcessors() -
				1));
			workers = new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), r -> {
					final Thread t = new Thread(r, "pssr-czi-read-ahead");
					t.setDaemon(true);
					return t;
				});
			// idle workers end; an unclosed file leaves no threads behind
			workers.allowCoreThreadTimeOut(true);
		}
		return workers;
	}

	/**
	 * Drops the planes read ahead. Workers are not interrupted: an interrupt during a read closes
	 * the file's channel; a plane being decoded is finished and thrown away.
	 */
	private void dropPending() {
		for (final FutureTask<ArrayImg<?, ?>> task : pending.values()) {
			task.cancel(false);
			if (workers != null) workers.remove(task);
		}
		pending.clear();
	}

	private static ArrayImg<?, ?> result(final FutureTask<ArrayImg<?, ?>> task) throws IOException {
		try {
			return task.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while a plane was decoded ahead");
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof IOException) throw (IOException) cause;
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IOException(cause);
		}
	}

	@Override
	public synchronized void close() {
		closed = true;
		dropPending();
		if (workers != null) workers.shutdown();
	}

	/** A plane of a scene: its letters' indices, upper case, zeros left out (absent means 0). */
	private static final class Key {

		final CziScene scene;
		final Map<Character, Integer> position = new TreeMap<>();

		Key(final CziScene scene, final Map<Character, Integer> position) {
			this.scene = scene;
			for (final Map.Entry<Character, Integer> p : position.entrySet())
				if (p.getValue() != 0) this.position.put(Character.toUpperCase(p.getKey()), p.getValue());
		}

		private Key(final Key key, final char letter, final int index) {
			this.scene = key.scene;
			this.position.putAll(key.position);
			this.position.put(letter, index);
		}

		/** The letter along which this plane is the one after {@code previous}; null if none. */
		Character follows(final Key previous) {
			if (previous.scene != scene) return null;
			Character along = null;
			final TreeMap<Character, Integer> letters = new TreeMap<>(position);
			previous.position.keySet().forEach(l -> letters.putIfAbsent(l, 0));
			for (final char l : letters.keySet()) {
				final int now = position.getOrDefault(l, 0);
				final int before = previous.position.getOrDefault(l, 0);
				if (now == before) continue;
				if (now != before + 1 || along != null) return null;
				along = l;
			}
			return along;
		}

		/** The plane {@code k} after this one along {@code letter}; null beyond the scene. */
		Key plus(final char letter, final int k) {
			final int index = position.getOrDefault(letter, 0) + k;
			return index < scene.size(letter) ? new Key(this, letter, index) : null;
		}

		@Override
		public boolean equals(final Object o) {
			return o instanceof Key && ((Key) o).scene == scene && ((Key) o).position.equals(position);
		}

		@Override
		public int hashCode() {
			return 31 * scene.index() + position.hashCode();
		}
	}
}

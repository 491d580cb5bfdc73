package org.pssr.bench;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Bio-Formats' {@code ZeissCZIReader}, what a Fiji user reads CZI files with, for the benchmark's
 * CZI rows. pssr neither compiles nor runs with Bio-Formats: {@code bench/run} resolves it with the
 * Maven profile {@code bench-bioformats} into a class path file, and {@value #PROPERTY} names that
 * file; its jars are loaded here in a class loader of their own (the bench's classes first), and
 * the reader is called by reflection through {@code loci.formats.IFormatReader}.
 */
final class BioFormatsCzi implements Closeable {

	static final String PROPERTY = "pssr.bench.bioformats";

	private static ClassLoader loader;
	private static Api api;
	private static String unavailable;

	private final Object reader;

	/** The methods of {@code IFormatReader} the bench calls. */
	private static final class Api {

		final Class<?> readerClass;
		final Method setId;
		final Method getImageCount;
		final Method getIndex;
		final Method openBytes;
		final Method isLittleEndian;
		final Method getSizeX;
		final Method getSizeY;
		final Method close;

		Api(final ClassLoader l) throws ReflectiveOperationException {
			readerClass = Class.forName("loci.formats.in.ZeissCZIReader", true, l);
			final Class<?> api = Class.forName("loci.formats.IFormatReader", true, l);
			setId = api.getMethod("setId", String.class);
			getImageCount = api.getMethod("getImageCount");
			getIndex = api.getMethod("getIndex", int.class, int.class, int.class);
			openBytes = api.getMethod("openBytes", int.class, byte[].class);
			isLittleEndian = api.getMethod("isLittleEndian");
			getSizeX = api.getMethod("getSizeX");
			getSizeY = api.getMethod("getSizeY");
			close = api.getMethod("close");
		}
	}

	private BioFormatsCzi(final Object reader) {
		this.reader = reader;
	}

	/** Whether Bio-Formats can be loaded; {@link #unavailableReason()} says why not. */
	static synchronized boolean available() {
		if (loader == null && unavailable == null) load();
		return loader != null;
	}

	/** Why the Bio-Formats column is empty, and how to fill it; null when it is available. */
	static synchronized String unavailableReason() {
		return available() ? null : unavailable;
	}

	private static void load() {
		final String file = System.getProperty(PROPERTY);
		if (file == null) {
			unavailable = "Bio-Formats not run: bench/run resolves it from ../shared/imagej2/repo " +
				"(mvn -Pbench-bioformats) and passes -D" + PROPERTY + "=CLASSPATH_FILE";
			return;
		}
		try {
			final List<URL> urls = new ArrayList<>();
			for (final String entry : new String(Files.readAllBytes(Path.of(file)),
				StandardCharsets.UTF_8).trim().split(java.io.File.pathSeparator))
				if (!entry.isEmpty()) urls.add(Path.of(entry).toUri().toURL());
			final URLClassLoader l = new URLClassLoader("bio-formats", urls.toArray(new URL[0]),
				BioFormatsCzi.class.getClassLoader());
			api = new Api(l);
			quiet(l);
			loader = l;
		}
		catch (final IOException | ReflectiveOperationException | LinkageError e) {
			unavailable = "Bio-Formats not run: " + PROPERTY + "=" + file + " gives no ZeissCZIReader (" +
				e + ")";
		}
	}

	/** Bio-Formats logs every file it opens at INFO. */
	private static void quiet(final ClassLoader l) {
		try {
			Class.forName("loci.common.DebugTools", true, l).getMethod("setRootLevel", String.class)
				.invoke(null, "ERROR");
		}
		catch (final ReflectiveOperationException | LinkageError e) {
			// only louder
		}
	}

	/** {@code new ZeissCZIReader().setId(file)}: reads the file's directory and metadata. */
	static BioFormatsCzi open(final Path file) throws IOException {
		if (!available()) throw new IllegalStateException(unavailable);
		final Thread thread = Thread.currentThread();
		final ClassLoader before = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			final Object reader = api.readerClass.getConstructor().newInstance();
			final BioFormatsCzi czi = new BioFormatsCzi(reader);
			czi.call(api.setId, file.toString());
			return czi;
		}
		catch (final ReflectiveOperationException e) {
			throw new IOException("Bio-Formats cannot make a ZeissCZIReader: " + e, e);
		}
		finally {
			thread.setContextClassLoader(before);
		}
	}

	int planes() throws IOException {
		return (Integer) call(api.getImageCount);
	}

	int index(final int z, final int c, final int t) throws IOException {
		return (Integer) call(api.getIndex, z, c, t);
	}

	int width() throws IOException {
		return (Integer) call(api.getSizeX);
	}

	int height() throws IOException {
		return (Integer) call(api.getSizeY);
	}

	boolean littleEndian() throws IOException {
		return (Boolean) call(api.isLittleEndian);
	}

	/** The stored bytes of plane {@code index} into {@code buffer}, as Bio-Formats returns them. */
	byte[] read(final int index, final byte[] buffer) throws IOException {
		return (byte[]) call(api.openBytes, index, buffer);
	}

	@Override
	public void close() throws IOException {
		call(api.close);
	}

	private Object call(final Method m, final Object... args) throws IOException {
		try {
			return m.invoke(reader, args);
		}
		catch (final InvocationTargetException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof IOException) throw (IOException) cause;
			throw new IOException("Bio-Formats " + m.getName() + ": " + cause, cause);
		}
		catch (final IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}
}

package org.pssr.crappify.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The one way pssr reads or unpacks a zip (model bundles, bioimage.io packages, native jars): every
 * entry is read through its CRC (a flipped bit fails instead of giving wrong weights), and a name
 * that would land outside the destination ({@code ..}, absolute, a drive) is refused (zip slip).
 */
public final class Archives {

	private Archives() {}

	/**
	 * Every file entry of {@code zip}, by name, in the zip's order.
	 *
	 * @throws ZipException naming the zip and the entry, for a bad CRC, a truncated zip or an unsafe
	 *           name
	 */
	public static Map<String, byte[]> read(final Path zip) throws IOException {
		final Map<String, byte[]> entries = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
			for (ZipEntry e; (e = next(z, zip)) != null;) {
				checkName(e.getName(), zip);
				if (e.isDirectory()) continue;
				if (entries.put(e.getName(), readEntry(z, zip, e)) != null) throw new ZipException(zip +
					": entry '" + e.getName() + "' appears twice");
			}
		}
		if (entries.isEmpty()) throw new ZipException(zip + " is not a zip file or holds no file");
		return entries;
	}

	/** Unpacks {@code zip} into the existing folder {@code into}. */
	public static void extract(final Path zip, final Path into) throws IOException {
		try (InputStream in = Files.newInputStream(zip)) {
			if (extract(in, into, UnaryOperator.identity(), zip.toString()) == 0) throw new ZipException(
				zip + " is not a zip file or holds no file");
		}
	}

	/**
	 * Unpacks the entries {@code select} keeps from a zip stream into {@code into}.
	 *
	 * @param select the file name (relative to {@code into}) for an entry name, or null to skip it
	 * @return the number of files written
	 */
	public static int extract(final InputStream zip, final Path into, final UnaryOperator<String> select,
		final String name) throws IOException
	{
		final Path root = into.toAbsolutePath().normalize();
		int files = 0;
		final ZipInputStream z = new ZipInputStream(zip);
		for (ZipEntry e; (e = next(z, name)) != null;) {
			checkName(e.getName(), name);
			if (e.isDirectory()) continue;
			final String target = select.apply(e.getName());
			if (target == null) continue;
			final Path file = root.resolve(target).normalize();
			if (!file.startsWith(root) || file.equals(root)) throw new ZipException(name + ": entry '" + e
				.getName() + "' points outside the folder it is unpacked into");
			Files.createDirectories(file.getParent());
			try {
				// streamed: native libraries run to a gigabyte
				Files.copy(z, file);
			}
			catch (final ZipException | java.io.EOFException x) {
				throw damaged(name, e, x);
			}
			files++;
		}
		return files;
	}

	private static ZipEntry next(final ZipInputStream z, final Object zip) throws IOException {
		try {
			return z.getNextEntry();
		}
		catch (final ZipException e) {
			throw new ZipException(zip + " is damaged: " + e.getMessage());
		}
	}

	private static byte[] readEntry(final ZipInputStream z, final Object zip, final ZipEntry e)
		throws IOException
	{
		try {
			return z.readAllBytes();
		}
		catch (final ZipException | java.io.EOFException x) {
			throw damaged(zip, e, x);
		}
	}

	private static ZipException damaged(final Object zip, final ZipEntry e, final IOException x) {
		return new ZipException(zip + ": entry '" + e.getName() + "' is " + (x instanceof ZipException
			? "damaged (" + x.getMessage() + ")" : "cut short (truncated file)"));
	}

	/** Refuses entry names that point outside whatever they are unpacked into. */
	static void checkName(final String entry, final Object zip) throws ZipException {
		final String n = entry.replace('\\', '/');
		boolean outside = n.startsWith("/") || n.matches("^[A-Za-z]:.*");
		for (final String part : n.split("/"))
			outside |= part.equals("..");
		if (outside) throw new ZipException(zip + ": entry '" + entry +
			"' points outside the folder it belongs in");
	}
}

package org.pssr.crappify.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way pssr writes a file or folder that someone may rely on: everything is written to a
 * hidden staging sibling ({@code .NAME.PID-N.part}) and moved into place only when complete, so a
 * reader never sees half an output and a failed run leaves the old one untouched.
 *
 * <ul>
 * <li><b>One writer per output</b>: a lock file ({@code .NAME.lock}, an OS lock, released by the
 * OS when a process dies) makes a second pssr process writing the same output refuse at once
 * instead of losing one result.</li>
 * <li><b>Nothing left behind</b>: staging is deleted when the write fails or is abandoned, and by a
 * shutdown hook on SIGTERM or SIGINT; staging left by a killed process (SIGKILL, power loss) is
 * recognised by its dead process id and removed by the next write of the same output.</li>
 * <li><b>Ordinary permissions</b>: staging is created like any new file (0666 or 0777 less the
 * umask), not owner-only as {@code Files.createTempFile} would, so a cluster group can read the
 * result.</li>
 * <li><b>One rule for missing folders</b>: the output's parent folders are created, and removed
 * again when nothing is committed into them.</li>
 * </ul>
 * Scratch folders (never committed, e.g. an unpacked model) get the same clean-up.
 */
public final class StagedOutput implements Closeable {

	private static final long PID = ProcessHandle.current().pid();
	private static final AtomicLong SEQUENCE = new AtomicLong();
	private static final Pattern STAGING = Pattern.compile("\\.(.+)\\.(\\d+)-\\d+\\.(part|old)");
	private static final Pattern SCRATCH = Pattern.compile("(.+)-(\\d+)-\\d+");
	private static final Set<StagedOutput> OPEN = ConcurrentHashMap.newKeySet();

	private static volatile boolean stopping;

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			// Work still running may stage more while this runs: refuse it, then sweep twice.
			stopping = true;
			for (int pass = 0; pass < 2; pass++)
				for (final StagedOutput o : OPEN)
					o.close();
		}, "pssr: remove unfinished outputs"));
	}

	private final Path target;
	private final Path staging;
	private final boolean folder;
	private final Path lockFile;
	private final FileChannel lockChannel;
	private final FileLock lock;
	private final Folders.Made parents;
	private boolean done;
	private boolean committed;

	private StagedOutput(final Path target, final boolean folder, final boolean scratch)
		throws IOException
	{
		if (stopping) throw new IllegalStateException("the process is stopping; nothing new is written");
		this.target = target.toAbsolutePath().normalize();
		this.folder = folder;
		final Path dir = this.target.getParent();
		if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IllegalArgumentException(
			"cannot write " + this.target + ": " + dir + " is a file, not a folder");
		parents = Folders.create(dir);
		if (scratch) {
			lockFile = null;
			lockChannel = null;
			lock = null;
			removeStale(dir, SCRATCH, this.target.getFileName().toString());
			staging = dir.resolve(this.target.getFileName() + "-" + PID + "-" + SEQUENCE.incrementAndGet());
		}
		else {
			if (Files.isDirectory(this.target) != folder && Files.exists(this.target)) {
				throw new IllegalArgumentException("cannot write " + this.target + ": it exists and is a " +
					(folder ? "file, not a folder" : "folder, not a file"));
			}
			lockFile = dir.resolve("." + this.target.getFileName() + ".lock");
			lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			lock = tryLock(lockChannel);
			if (lock == null) {
				lockChannel.close();
				throw new IllegalArgumentException(this.target +
					" is being written by another pssr process; wait for it or choose another output");
			}
			removeStale(dir, STAGING, this.target.getFileName().toString());
			staging = dir.resolve("." + this.target.getFileName() + "." + PID + "-" + SEQUENCE
				.incrementAndGet() + ".part");
		}
		OPEN.add(this);
		try {
			if (folder) Files.createDirectory(staging);
			else Files.createFile(staging);
		}
		catch (final IOException | RuntimeException e) {
			close();
			throw e;
		}
	}

	/** A file written at {@link #path()} and moved onto {@code target} by {@link #commit()}. */
	public static StagedOutput file(final Path target) throws IOException {
		return new StagedOutput(target, false, false);
	}

	/** A folder filled at {@link #path()} and moved onto {@code target} by {@link #commit()}. */
	public static StagedOutput folder(final Path target) throws IOException {
		return new StagedOutput(target, true, false);
	}

	/**
	 * A folder for intermediate files in the system's temporary folder, named after {@code prefix},
	 * deleted by {@link #close()}; never committed.
	 */
	public static StagedOutput scratch(final String prefix) throws IOException {
		return new StagedOutput(Path.of(System.getProperty("java.io.tmpdir")).resolve(prefix), true,
			true);
	}

	/** Where to write. */
	public Path path() {
		return staging;
	}

	public Path target() {
		return target;
	}

	/**
	 * Moves what was written onto the target, replacing what was there; a folder being replaced is
	 * moved aside first and deleted only once the new one is in place.
	 */
	public void commit() throws IOException {
		if (done) throw new IllegalStateException("already committed or abandoned: " + target);
		if (lock == null) throw new IllegalStateException("a scratch folder is never committed");
		if (!folder || !Files.exists(target)) move(staging, target);
		else {
			final Path old = target.resolveSibling("." + target.getFileName() + "." + PID + "-" + SEQUENCE
				.incrementAndGet() + ".old");
			move(target, old);
			move(staging, target);
			Folders.deleteTree(old);
		}
		done = true;
		committed = true;
		close();
	}

	/** Abandons what was not committed and releases the output for other writers. */
	@Override
	public synchronized void close() {
		if (!OPEN.remove(this)) return;
		try {
			if (!done) Folders.deleteTree(staging);
		}
		catch (final IOException | UncheckedIOException ignored) {
			// Best effort: a leftover has a dead process id in its name and goes with the next write.
		}
		done = true;
		if (lock != null) {
			try {
				// Deleted while still locked: a process that opened the old file cannot lock it any more.
				Files.deleteIfExists(lockFile);
				lock.release();
				lockChannel.close();
			}
			catch (final IOException ignored) {
				// The OS releases the lock when the process ends.
			}
		}
		if (!committed) parents.removeIfEmpty();
	}

	private static FileLock tryLock(final FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (final OverlappingFileLockException e) {
			// Held by another writer in this JVM.
			return null;
		}
	}

	/** Staging of {@code name} whose process is gone: left by a run killed without warning. */
	private static void removeStale(final Path dir, final Pattern pattern, final String name)
		throws IOException
	{
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
			for (final Path p : entries) {
				final Matcher m = pattern.matcher(p.getFileName().toString());
				if (!m.matches() || !m.group(1).equals(name)) continue;
				final long pid = Long.parseLong(m.group(2));
				if (pid != PID && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
				if (pid == PID && isOpen(p)) continue;
				Folders.deleteTree(p);
			}
		}
	}

	private static boolean isOpen(final Path staging) {
		for (final StagedOutput o : OPEN)
			if (o.staging.equals(staging)) return true;
		return false;
	}

	private static void move(final Path from, final Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final FileAlreadyExistsException e) {
			throw new IllegalArgumentException("cannot replace " + to + ": it is a folder that is not empty",
				e);
		}
	}
}

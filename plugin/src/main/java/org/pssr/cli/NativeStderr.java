package org.pssr.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Keeps the warnings native libraries print off the command line's standard error, which holds
 * only the one line of a refusal or failure. PyTorch's C++ code writes warnings such as {@code [W
 * LegacyTypeDispatch.h:74] Warning: AutoNonVariableTypeMode is deprecated} and {@code Could not
 * initialize NNPACK! Reason: Unsupported hardware.} straight to file descriptor 2, where no Java
 * setting reaches them (nor does {@code TORCH_CPP_LOG_LEVEL}). So, on Linux, file descriptor 2
 * becomes a pipe; a thread passes on to the real standard error every line but those known
 * warnings, so that a native error still shows, and Java's {@code System.err} writes to the real
 * standard error directly. Only the {@code pssr} process does this ({@link Main#main}), never a JVM
 * that runs pssr in-process (tests, Fiji), and not with {@code --debug}.
 */
final class NativeStderr {

	private interface C extends Library {

		int dup(int fd);

		int dup2(int from, int to);

		int pipe(int[] fds);

		long read(int fd, byte[] buffer, long count);

		long write(int fd, byte[] buffer, long count);

		int close(int fd);
	}

	private static final int STDERR = 2;

	private NativeStderr() {}

	/** Whether a line is one of the native warnings pssr hides (README: "behind --debug"). */
	static boolean noise(final String line) {
		return line.startsWith("[W ") || line.startsWith("Could not initialize NNPACK!");
	}

	/** Filters file descriptor 2 from now on; does nothing where that cannot be done. */
	static void filter() {
		if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return;
		final C c;
		final int real;
		final int[] pipe = new int[2];
		try {
			c = Native.load("c", C.class);
			real = c.dup(STDERR);
			if (real < 0) return;
			if (c.pipe(pipe) != 0) {
				c.close(real);
				return;
			}
			if (c.dup2(pipe[1], STDERR) < 0) {
				c.close(pipe[0]);
				c.close(pipe[1]);
				c.close(real);
				return;
			}
			c.close(pipe[1]);
		}
		catch (final LinkageError notAvailable) {
			return;
		}
		System.err.flush();
		System.setErr(new PrintStream(new Descriptor(c, real), true, StandardCharsets.UTF_8));
		final Thread forward = new Thread(() -> forward(c, pipe[0], real), "pssr: native stderr");
		forward.setDaemon(true);
		forward.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			// closing the pipe's last writer ends the forwarding once the rest is passed on
			c.dup2(real, STDERR);
			try {
				forward.join(1000);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "pssr: native stderr, the rest"));
	}

	/** Passes on the pipe's lines to the real standard error, but the known warnings. */
	private static void forward(final C c, final int from, final int to) {
		final byte[] buffer = new byte[8192];
		final ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (long n = c.read(from, buffer, buffer.length); n > 0; n = c.read(from, buffer,
			buffer.length))
		{
			for (int i = 0; i < n; i++) {
				line.write(buffer[i]);
				if (buffer[i] == '\n') {
					pass(c, line, to);
				}
			}
		}
		pass(c, line, to);
		c.close(from);
	}

	private static void pass(final C c, final ByteArrayOutputStream line, final int to) {
		final byte[] bytes = line.toByteArray();
		line.reset();
		if (bytes.length == 0 || noise(new String(bytes, StandardCharsets.UTF_8))) return;
		writeAll(c, to, bytes, bytes.length);
	}

	private static void writeAll(final C c, final int fd, final byte[] bytes, final int length) {
		byte[] rest = bytes;
		int left = length;
		while (left > 0) {
			final long written = c.write(fd, rest, left);
			if (written <= 0) return;
			left -= (int) written;
			rest = java.util.Arrays.copyOfRange(rest, (int) written, (int) written + left);
		}
	}

	/** Java's standard error, written to the real file descriptor, past the filter. */
	private static final class Descriptor extends OutputStream {

		private final C c;
		private final int fd;

		Descriptor(final C c, final int fd) {
			this.c = c;
			this.fd = fd;
		}

		@Override
		public void write(final int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(final byte[] b, final int off, final int len) {
			writeAll(c, fd, java.util.Arrays.copyOfRange(b, off, off + len), len);
		}
	}
}

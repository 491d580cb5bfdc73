package org.pssr.fiji.it;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import net.imagej.patcher.LegacyInjector;

import org.scijava.Context;

/**
 * The main class of the Fiji JVMs the integration suite starts: an ImageJ2 with the legacy layer,
 * headless, that runs what Fiji's launcher would ({@code --run} a script with parameters, {@code
 * -macro} a macro file with an argument, a macro text), or a Java check inside that JVM. Its last
 * line is {@code HARNESS-RESULT: ok}, {@code aborted} or {@code failed}; before it, what the
 * JVM printed (headless, the ImageJ log goes to standard output).
 *
 * <p>
 * No {@code ij.*} type may appear in this class: ImageJ 1.x must be patched before any of its
 * classes loads. The ImageJ code is in {@link FijiScenario}.
 */
public final class FijiHarness {

	static {
		if (!Boolean.getBoolean("pssr.it.display")) System.setProperty("java.awt.headless", "true");
		LegacyInjector.preinit();
	}

	private FijiHarness() {}

	public static void main(final String... args) throws Exception {
		final PrintStream out = System.out;
		final Context context = new Context();
		String result;
		try {
			result = run(context, args);
		}
		catch (final Throwable t) {
			t.printStackTrace(out);
			result = "failed " + t;
		}
		out.println("HARNESS-RESULT: " + result);
		out.flush();
		context.dispose();
		System.exit(result.startsWith("ok") ? 0 : result.startsWith("aborted") ? 3 : 1);
	}

	private static String run(final Context context, final String... args) throws Throwable {
		switch (args[0]) {
			case "script":
				return FijiScenario.script(context, new File(args[1]), parameters(args, 2));
			case "macro":
				return FijiScenario.macroFile(new File(args[1]), args.length > 2 ? args[2] : "");
			case "eval":
				return FijiScenario.macro(args[1], "");
			case "check":
				final String[] target = args[1].split("#");
				final Method check = Class.forName(target[0]).getMethod(target[1], Context.class,
					String[].class);
				final String[] rest = new String[args.length - 2];
				System.arraycopy(args, 2, rest, 0, rest.length);
				try {
					return String.valueOf(check.invoke(null, context, rest));
				}
				catch (final InvocationTargetException e) {
					throw e.getCause();
				}
			default:
				throw new IllegalArgumentException("unknown mode " + args[0]);
		}
	}

	private static Map<String, Object> parameters(final String[] args, final int from) {
		final Map<String, Object> parameters = new LinkedHashMap<>();
		for (int i = from; i < args.length; i++) {
			final int eq = args[i].indexOf('=');
			parameters.put(args[i].substring(0, eq), args[i].substring(eq + 1));
		}
		return parameters;
	}
}

package org.pssr.fiji;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.IJ;
import ij.plugin.frame.Recorder;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.pssr.app.ModelFiles;
import org.pssr.app.OpenModel;
import org.pssr.crappify.Movie;
import org.pssr.crappify.io.TiffStackReader;
import org.pssr.fiji.it.LinkageCheck;
import org.pssr.imagej.CziMovie;
import org.pssr.imagej.ImagePlusMovie;
import org.pssr.imagej.MovieFiles;
import org.pssr.train.ModelBundle;
import org.pssr.train.exchange.ExportFormat;
import org.pssr.train.exchange.ModelExport;
import org.pssr.train.tensorflow.TensorFlowRuntime;
import org.scijava.Context;
import org.scijava.command.CommandService;

/**
 * Java checks the integration suite runs inside a Fiji JVM ({@code FijiHarness check ...}); each
 * returns {@code ok} or {@code failed ...}. In this package for the commands' package-private
 * seams.
 */
public final class FijiChecks {

	private FijiChecks() {}

	/** A .czi given to a command opens through Bio-Formats, with the pixels of pssr's own reader. */
	public static String bioFormatsCzi(final Context context, final String[] args) throws Exception {
		final Path file = Paths.get(args[0]);
		final int channel = Integer.parseInt(args[1]);
		final Movie viaCommand = Commands.movie(null, file.toFile(), channel);
		if (!MovieFiles.hasBioFormats()) return "failed: Bio-Formats is not on the class path";
		if (!(viaCommand instanceof ImagePlusMovie)) return "failed: not opened through Bio-Formats: " +
			viaCommand.getClass();
		try (CziMovie own = CziMovie.open(file, 0, channel - 1, false)) {
			if (own.frames() != viaCommand.frames() || own.width() != viaCommand.width() || own
				.height() != viaCommand.height()) return "failed: " + viaCommand.frames() + " frames of " +
					viaCommand.width() + " x " + viaCommand.height() + " through Bio-Formats, " + own.frames() +
					" of " + own.width() + " x " + own.height() + " through pssr's reader";
			for (int t = 0; t < own.frames(); t++) {
				final String difference = difference(viaCommand.frame(t), own.frame(t));
				if (difference != null) return "failed: frame " + t + ": " + difference;
			}
			return "ok " + own.frames() + " frames equal";
		}
	}

	private static String difference(final RandomAccessibleInterval<FloatType> a,
		final RandomAccessibleInterval<FloatType> b)
	{
		final Cursor<FloatType> ca = a.cursor();
		final Cursor<FloatType> cb = b.cursor();
		long i = 0;
		while (ca.hasNext()) {
			final float x = ca.next().get();
			final float y = cb.next().get();
			if (x != y) return "pixel " + i + ": " + x + " vs " + y;
			i++;
		}
		return null;
	}

	/**
	 * Every class of the installed update site links in this Fiji: pssr's against Fiji's libraries
	 * (and its TensorFlow package against its own class loader), the libraries pssr adds against
	 * Fiji's versions of what they use.
	 */
	public static String linkage(final Context context, final String[] args) throws Exception {
		final Path jars = Paths.get(args[0]);
		final ClassLoader fiji = Thread.currentThread().getContextClassLoader();
		final ClassLoader tensorflow = TensorFlowRuntime.engine().getClass().getClassLoader();
		final List<String> problems = new ArrayList<>();
		int checked = 0;
		for (final Path jar : topLevelJars(jars)) {
			final String name = jar.getFileName().toString();
			if (name.startsWith("pssr-fiji-")) {
				final String isolated = "org.pssr.train.tensorflow.isolated.";
				problems.addAll(new LinkageCheck(fiji).check(jar, c -> !c.startsWith(isolated), true));
				problems.addAll(new LinkageCheck(tensorflow).check(jar, c -> c.startsWith(isolated), true));
			}
			else problems.addAll(new LinkageCheck(fiji).check(jar, c -> true, false));
			checked++;
		}
		if (checked < 5) return "failed: only " + checked + " jars in " + jars;
		return problems.isEmpty() ? "ok " + checked + " jars link" : "failed " + problems.size() +
			" references do not link:\n" + problems.stream().limit(40).collect(Collectors.joining("\n"));
	}

	private static List<Path> topLevelJars(final Path folder) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors
				.toList());
		}
	}

	/**
	 * TensorFlow 1.15 (CSBDeep's) and pssr's TensorFlow in one JVM: 1.15 loads its natives, pssr
	 * exports a model and runs the export, and 1.15 still answers afterwards.
	 */
	public static String tensorFlowSideBySide(final Context context, final String[] args)
		throws Exception
	{
		final Method version = Class.forName("org.tensorflow.TensorFlow").getMethod("version");
		final Object before = version.invoke(null);
		if (!"1.15.0".equals(before)) return "failed: Fiji's TensorFlow says " + before;
		final Path out = Paths.get(args[1]);
		try (ModelBundle bundle = ModelBundle.load(Paths.get(args[0]), "cpu")) {
			new ModelExport("IT", "MIT").export(bundle, out, ExportFormat.SAVEDMODEL, false);
		}
		try (OpenModel model = ModelFiles.open(out, "cpu")) {
			final int s = model.model().scale();
			final float[] y = model.model().predict(new float[model.model().frames() * 16 * 16], 1, 16,
				16);
			if (y.length != 16 * s * 16 * s) return "failed: exported model returned " + y.length +
				" values";
		}
		final Object after = version.invoke(null);
		return "1.15.0".equals(after) ? "ok TensorFlow " + before + " and pssr's " + TensorFlowRuntime
			.engine().version() : "failed: afterwards Fiji's TensorFlow says " + after;
	}

	/**
	 * A command run as a user runs it (inputs from the dialog, here {@code SimulatedUser}) with the
	 * Recorder open records a line that, run as a macro, gives the same movie.
	 */
	public static String recorderRoundTrip(final Context context, final String[] args)
		throws Exception
	{
		final Path recorded = Paths.get(args[0]);
		final Path replayed = Paths.get(args[1]);
		final Recorder recorder = new Recorder();
		// a DynamicCommand is its own module: CommandService.run would hand back null
		context.service(org.scijava.module.ModuleService.class).run(context.service(
			CommandService.class).getCommand(SuperResolveMovieCommand.class), true).get();
		final String text = recorder.getText();
		final String line = Arrays.stream(text.split("\n")).filter(l -> l.contains(
			"Super-Resolve Movie")).findFirst().orElse(null);
		if (line == null) return "failed: nothing recorded:\n" + text;
		if (line.contains("about=") || line.contains("help=")) return "failed: the dialog's " +
			"description or guide button was recorded: " + line;
		if (!Files.exists(recorded)) return "failed: the command wrote no " + recorded;
		final String replay = IJ.runMacro(line.replace(recorded.toString(), replayed.toString()));
		if (!Files.exists(replayed)) return "failed: replaying " + line + " wrote no " + replayed +
			" (macro returned " + replay + ")";
		try (TiffStackReader a = new TiffStackReader(recorded); TiffStackReader b = new TiffStackReader(
			replayed))
		{
			if (a.planes() != b.planes()) return "failed: " + a.planes() + " vs " + b.planes() + " frames";
			for (int i = 0; i < a.planes(); i++)
				if (!Arrays.equals(a.readPlane(i), b.readPlane(i))) return "failed: frame " + i + " differs";
			return "ok " + a.planes() + " frames equal; recorded: " + line;
		}
	}
}
